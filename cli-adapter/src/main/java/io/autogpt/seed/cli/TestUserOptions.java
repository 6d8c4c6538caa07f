package io.autogpt.seed.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogpt.seed.core.plan.IntRange;
import io.autogpt.seed.core.token.TestUser;
import io.autogpt.seed.core.token.TestUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Which test users to use: numbered by a pattern, or listed in a file. Shared by {@code tokens} and {@code users}. */
final class TestUserOptions {
    /**
     * The readers of a users file, made when one is read: picocli builds these options for every command, and
     * Jackson's first mapper costs a few hundred classes that a seeding run never needs.
     */
    private static final class Readers {
        static final ObjectMapper JSON = new ObjectMapper();
        static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    }

    @Option(names = "--email-pattern", paramLabel = "PATTERN", defaultValue = "loadtest{n}@example.com",
            description = "Test users' emails; {n} is the number. Default: ${DEFAULT-VALUE}.")
    String emailPattern;

    @Option(names = "--range", paramLabel = "FROM..TO", defaultValue = "4..50",
            description = "Numbers for {n}, both inclusive. Default: ${DEFAULT-VALUE}.")
    String range;

    @Option(names = "--password-env", paramLabel = "NAME", defaultValue = "LOADTEST_PASSWORD",
            description = "Environment variable holding the pattern users' password. Default: ${DEFAULT-VALUE}.")
    String passwordEnv;

    @Option(names = "--users-file", paramLabel = "FILE",
            description = "JSON [{\"email\":…,\"password\":…}] or CSV lines email,password instead of a pattern.")
    @Nullable Path usersFile;

    /** The password in the variable {@code --password-env} names. */
    String password(Map<String, String> env) {
        return Secrets.fromEnv(env, passwordEnv, "--password-env", "the test users' password");
    }

    /** The users, with passwords when {@code withPasswords}. */
    List<TestUser> users(Map<String, String> env, boolean withPasswords) {
        if (usersFile != null) {
            return fromFile(usersFile, withPasswords);
        }
        String password = withPasswords ? password(env) : null;
        IntRange numbers;
        try {
            numbers = IntRange.parse(range);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--range: " + e.getMessage());
        }
        if ((long) numbers.max() - numbers.min() + 1 > TokensCommand.MAX_COUNT) {
            throw new UsageException("--range " + range + " names more than " + TokensCommand.MAX_COUNT + " users");
        }
        return UsageException.of("--email-pattern", () -> TestUsers.numbered(emailPattern, numbers, password));
    }

    private static List<TestUser> fromFile(Path file, boolean withPasswords) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UsageException("cannot read --users-file " + file + " (" + e.getClass().getSimpleName()
                    + ")");
        }
        List<TestUser> users = new ArrayList<>();
        if (text.startsWith("[")) {
            try {
                for (var node : Readers.JSON.readTree(text)) {
                    String email = node.path("email").asText("");
                    String password = node.path("password").asText("");
                    users.add(user(file, users.size() + 1, email, password, withPasswords));
                }
            } catch (IOException e) {
                throw new UsageException("--users-file " + file + " is not a JSON array of {email, password}");
            }
        } else {
            // RFC 4180 CSV: "quoted, fields", doubled "" quotes; spaces are kept (a password may end in one).
            try (MappingIterator<String[]> rows = Readers.CSV.readerFor(String[].class).readValues(text)) {
                int lineNo = 0;
                while (rows.hasNext()) {
                    String[] row = rows.next();
                    lineNo++;
                    String first = row.length == 0 ? "" : row[0].trim();
                    if (first.isEmpty() && row.length <= 1
                            || lineNo == 1 && first.toLowerCase(java.util.Locale.ROOT).equals("email")) {
                        continue;
                    }
                    users.add(user(file, lineNo, first, row.length > 1 ? row[1] : "", withPasswords));
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof UsageException usage) {
                    throw usage;
                }
                throw new UsageException("--users-file " + file + " is not CSV lines of email,password: "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable"));
            }
        }
        if (users.isEmpty()) {
            throw new UsageException("--users-file " + file + " lists no users");
        }
        return List.copyOf(users);
    }

    private static TestUser user(Path file, int entry, String email, String password, boolean withPasswords) {
        if (email.isBlank() || email.indexOf('@') < 1) {
            throw new UsageException("--users-file " + file + " entry " + entry + " has no valid email");
        }
        if (withPasswords && password.isEmpty()) {
            throw new UsageException("--users-file " + file + " entry " + entry + " (" + email
                    + ") has no password");
        }
        return new TestUser(email, withPasswords ? password : null, null);
    }
}

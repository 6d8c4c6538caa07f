package io.autogpt.seed.cli;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code autogpt-seed} command line: its commands, and one error handler for all of them. */
@Command(name = "autogpt-seed", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Seeds AutoGPT platform databases with realistic, consistent data,",
                "and makes pre-authenticated tokens for its k6 load tests."},
        subcommands = {SeedCommand.class, AdvanceCommand.class, TokensCommand.class, UsersCommand.class, CommandLine.HelpCommand.class})
public final class Cli {
    private Cli() {
    }

    /**
     * The command line, with the environment and clock it reads (injected, so tests control both).
     *
     * @param env   environment variables ({@code DATABASE_URL}, {@code SUPABASE_URL}, the keys named by options)
     * @param clock source of the default {@code --now}
     */
    public static CommandLine create(Map<String, String> env, Clock clock) {
        CommandLine cmd = new CommandLine(new Cli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == SeedCommand.class) {
                    return type.cast(new SeedCommand(env, clock));
                }
                if (type == AdvanceCommand.class) {
                    return type.cast(new AdvanceCommand(env, clock));
                }
                if (type == TokensCommand.class) {
                    return type.cast(new TokensCommand(env, clock));
                }
                if (type == UsersCommand.class) {
                    return type.cast(new UsersCommand(env, clock));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((e, args) -> ExitCodes.report(e, e.getCommandLine(), List.of(args)));
        cmd.setExecutionExceptionHandler((e, command, parseResult) -> ExitCodes.report(e, command));
        return cmd;
    }

    /** The version from the jar's manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"autogpt-seed " + (v == null ? "(development build)" : v)};
        }
    }
}

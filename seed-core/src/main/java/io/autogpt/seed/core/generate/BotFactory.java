package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.bot.BotEvent;
import io.autogpt.seed.core.bot.BotGuild;
import io.autogpt.seed.core.bot.BotInstall;
import io.autogpt.seed.core.bot.PlatformLink;
import io.autogpt.seed.core.bot.PlatformLinkToken;
import io.autogpt.seed.core.bot.PlatformLinkType;
import io.autogpt.seed.core.bot.PlatformType;
import io.autogpt.seed.core.bot.PlatformUserLink;
import io.autogpt.seed.core.plan.EncryptionKey;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The chat bots of user {@code u}, as the platform's bot link flow leaves them:
 * <ul>
 * <li>one user in twelve linked a server: on Discord (the bot joined the guild first: a {@code "BotGuild"}), Slack
 * (the app was installed in the workspace first: a {@code "BotInstall"}, its bot token encrypted under the plan's
 * key, so written only with one) or Telegram; a {@code "PlatformLink"}, made by claiming a {@code SERVER}
 * {@code "PlatformLinkToken"} within its 30 minutes;</li>
 * <li>one in ten linked their own account for direct messages: a {@code "PlatformUserLink"} from a {@code USER}
 * token;</li>
 * <li>a token asked for again replaces the pending one, which the platform marks used at that moment; so some links
 * have an earlier token, used when the next was made;</li>
 * <li>{@code "BotEvent"}: the bot's metrics in each linked server since it was linked (messages received, replies sent
 * with their length and latency, commands, now and then a stream error). Direct-message events name no server, so
 * nothing ties them to a user: none are written.</li>
 * </ul>
 * Ids on the chat platforms are drawn from the user's own stream (Discord snowflakes, Slack {@code T}/{@code U} ids,
 * Telegram's negative group ids), unique across seeds as the real ones are. Under the early rules, no rows.
 * Thread-safe.
 */
final class BotFactory {
    private static final Duration TOKEN_TTL = Duration.ofMinutes(30);
    private static final List<String> COMMANDS = List.of("/new", "/resume", "/help", "/agents", "/unlink");
    private static final List<String> ERRORS = List.of("timeout", "rate_limited", "upstream_error");

    /** A linked server: the platform, its id and name, who set it up, and when. */
    private record Server(PlatformType platform, String serverId, String name, String ownerId, String ownerName,
                          LocalDateTime linkedAt) {
    }

    private final DatasetShape shape;
    private final UserFactory users;
    private final @org.jspecify.annotations.Nullable Fernet fernet;

    BotFactory(DatasetShape shape) {
        this.shape = shape;
        this.users = new UserFactory(shape);
        EncryptionKey key = shape.plan().encryptionKey();
        this.fernet = key == null ? null : new Fernet(key);
    }

    private boolean enabled() {
        return shape.rules().atLeast(PlatformRules.SEPTEMBER_2026);
    }

    private Optional<Server> server(long u) {
        Rng rng = shape.rng("PlatformLink", u);
        if (!enabled() || !rng.chance(1 / 12.0)) {
            return Optional.empty();
        }
        double p = rng.nextDouble();
        PlatformType platform = p < 0.6 ? PlatformType.DISCORD : p < 0.9 ? PlatformType.SLACK : PlatformType.TELEGRAM;
        String first = users.name(u).split(" ")[0];
        String name = rng.pick(List.of(first + "'s server", first + "'s team", "The " + rng.pick(
                AgentVocabulary.GRAPH_SUBJECTS) + " crew", rng.pick(AgentVocabulary.STORE_CATEGORIES) + " hub"));
        LocalDateTime linked = DatasetShape.between(rng, shape.userCreatedAt(u), shape.now().minusHours(2));
        return Optional.of(new Server(platform, serverId(platform, rng), name, userId(platform, rng),
                handle(u), linked));
    }

    private String handle(long u) {
        return users.name(u).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "_" + shape.tag(u);
    }

    private static String serverId(PlatformType platform, Rng rng) {
        return switch (platform) {
            case SLACK -> "T" + upper(rng, 10);
            case TELEGRAM -> "-100" + (1_000_000_000L + rng.nextLong(8_999_999_999L));
            default -> snowflake(rng);
        };
    }

    private static String userId(PlatformType platform, Rng rng) {
        return switch (platform) {
            case SLACK -> "U" + upper(rng, 10);
            case TELEGRAM -> String.valueOf(100_000_000L + rng.nextLong(7_900_000_000L));
            default -> snowflake(rng);
        };
    }

    /** A Discord id: a snowflake of 2019-2026, 18 or 19 digits. */
    private static String snowflake(Rng rng) {
        return String.valueOf(500_000_000_000_000_000L + rng.nextLong(900_000_000_000_000_000L));
    }

    private static String upper(Rng rng, int n) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(rng.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    List<PlatformLink> links(long u) {
        return server(u).map(s -> List.of(new PlatformLink(shape.id("PlatformLink", u), shape.userId(u),
                s.platform(), s.serverId(), s.ownerId(), s.name(), s.linkedAt()))).orElse(List.of());
    }

    /** The user's own account on a platform, linked for direct messages: one user in ten. */
    private Optional<PlatformUserLink> userLink(long u) {
        Rng rng = shape.rng("PlatformUserLink", u);
        if (!enabled() || !rng.chance(0.1)) {
            return Optional.empty();
        }
        PlatformType platform = rng.chance(0.6) ? PlatformType.DISCORD : PlatformType.TELEGRAM;
        return Optional.of(new PlatformUserLink(shape.id("PlatformUserLink", u), shape.userId(u), platform,
                userId(platform, rng), handle(u), DatasetShape.between(rng, shape.userCreatedAt(u),
                shape.now().minusHours(2))));
    }

    List<PlatformUserLink> userLinks(long u) {
        return userLink(u).stream().toList();
    }

    /**
     * The tokens that made the links: each claimed a few minutes after it was issued; one link in four had an
     * earlier token that the later one replaced (marked used when the later was made).
     */
    List<PlatformLinkToken> tokens(long u) {
        List<PlatformLinkToken> rows = new ArrayList<>();
        server(u).ifPresent(s -> tokens(rows, u, 0, PlatformLinkType.SERVER, s.platform(), s.serverId(), s.name(),
                s.ownerId(), s.ownerName(), s.linkedAt()));
        userLink(u).ifPresent(l -> tokens(rows, u, 1, PlatformLinkType.USER, l.platform(), null, null,
                l.platformUserId(), l.platformUsername(), l.linkedAt()));
        return rows;
    }

    private void tokens(List<PlatformLinkToken> rows, long u, int kind, PlatformLinkType type,
                        PlatformType platform, @org.jspecify.annotations.Nullable String serverId,
                        @org.jspecify.annotations.Nullable String serverName, String platformUserId,
                        @org.jspecify.annotations.Nullable String username, LocalDateTime claimed) {
        Rng rng = shape.rng("PlatformLinkToken", u, kind);
        String channel = type == PlatformLinkType.SERVER && platform == PlatformType.DISCORD ? snowflake(rng) : null;
        LocalDateTime issued = claimed.minusSeconds(rng.between(30, 25 * 60));
        if (rng.chance(0.25)) {
            LocalDateTime earlier = issued.minusMinutes(rng.between(5, 120));
            rows.add(new PlatformLinkToken(shape.id("PlatformLinkToken", u, kind, 0), rng.urlSafe(43), platform,
                    type, serverId, serverName, channel, platformUserId, username, earlier.plus(TOKEN_TTL), issued,
                    earlier));
        }
        rows.add(new PlatformLinkToken(shape.id("PlatformLinkToken", u, kind, 1), rng.urlSafe(43), platform, type,
                serverId, serverName, channel, platformUserId, username, issued.plus(TOKEN_TTL), claimed, issued));
    }

    /** The guild the bot joined to be linked there: Discord servers only; one in ten removed it since. */
    List<BotGuild> guilds(long u) {
        return server(u).filter(s -> s.platform() == PlatformType.DISCORD).map(s -> {
            Rng rng = shape.rng("BotGuild", u);
            LocalDateTime joined = s.linkedAt().minusMinutes(rng.between(1, 60 * 24));
            LocalDateTime left = rng.chance(0.1) ? DatasetShape.between(rng, s.linkedAt(), shape.now()) : null;
            LocalDateTime seen = left != null ? left : shape.now().minusMinutes(rng.between(1, 60 * 6));
            return List.of(new BotGuild(shape.id("BotGuild", u), s.platform(), s.serverId(), s.name(), joined, left,
                    seen.isBefore(joined) ? joined : seen));
        }).orElse(List.of());
    }

    /** The app's install in the Slack workspace: only with the platform's key, which encrypts its bot token. */
    List<BotInstall> installs(long u) {
        Fernet f = fernet;
        if (f == null) {
            return List.of();
        }
        return server(u).filter(s -> s.platform() == PlatformType.SLACK).map(s -> {
            Rng rng = shape.rng("BotInstall", u);
            LocalDateTime installed = s.linkedAt().minusMinutes(rng.between(1, 60 * 24));
            String botUser = "U" + upper(rng, 10);
            Map<String, Object> secret = new LinkedHashMap<>();
            secret.put("bot_token", "xoxb-" + rng.between(1_000_000, 9_999_999) + "-" + rng.between(1_000_000,
                    9_999_999) + "-" + rng.urlSafe(24).replace('-', 'x').replace('_', 'y'));
            secret.put("bot_user_id", botUser);
            secret.put("team_id", s.serverId());
            LocalDateTime revoked = rng.chance(0.08) ? DatasetShape.between(rng, s.linkedAt(), shape.now()) : null;
            return List.of(new BotInstall(shape.id("BotInstall", u), s.platform(), s.serverId(),
                    f.encrypt(secret, installed, rng), botUser, "A" + upper(rng, 10), s.name(), installed, revoked,
                    revoked));
        }).orElse(List.of());
    }

    /** The bot's events in the user's linked server since the link, the link's own first. */
    List<BotEvent> events(long u) {
        return server(u).map(s -> {
            Rng rng = shape.rng("BotEvent", u);
            List<BotEvent> rows = new ArrayList<>();
            rows.add(new BotEvent(shape.id("BotEvent", u, 0), s.linkedAt(), s.platform(), "link_created",
                    s.serverId(), "channel", null, null, null, null));
            int exchanges = rng.between(2, 25);
            LocalDateTime at = s.linkedAt();
            for (int i = 0; i < exchanges; i++) {
                at = DatasetShape.between(rng, at, at.plus(Duration.between(at, shape.now()).dividedBy(exchanges - i)));
                String channel = rng.chance(0.3) ? "thread" : "channel";
                if (rng.chance(0.2)) {
                    rows.add(new BotEvent(shape.id("BotEvent", u, rows.size()), at, s.platform(), "command_used",
                            s.serverId(), channel, rng.pick(COMMANDS), null, null, null));
                }
                rows.add(new BotEvent(shape.id("BotEvent", u, rows.size()), at, s.platform(), "message_received",
                        s.serverId(), channel, null, null, null, null));
                int ms = rng.between(800, 25_000);
                LocalDateTime replied = shape.soonAfter(rng, at, Duration.ofMillis(ms));
                if (rng.chance(0.04)) {
                    rows.add(new BotEvent(shape.id("BotEvent", u, rows.size()), replied, s.platform(), "stream_error",
                            s.serverId(), channel, null, rng.pick(ERRORS), null, null));
                } else {
                    rows.add(new BotEvent(shape.id("BotEvent", u, rows.size()), replied, s.platform(), "reply_sent",
                            s.serverId(), channel, null, null, rng.between(40, 1_900), ms));
                }
                at = replied;
            }
            return rows;
        }).orElse(List.of());
    }
}

package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.activity.ActivityEvent;
import io.autogpt.seed.core.activity.ActivityEventCategory;
import io.autogpt.seed.core.activity.BrainDumpInputMode;
import io.autogpt.seed.core.activity.BrainDumpStatus;
import io.autogpt.seed.core.activity.ExperimentAssignment;
import io.autogpt.seed.core.activity.OnboardingBrainDump;
import io.autogpt.seed.core.activity.UserAttribution;
import io.autogpt.seed.core.activity.UserBriefing;
import io.autogpt.seed.core.execution.AgentExecutionStatus;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.user.User;
import io.autogpt.seed.core.workspace.UserWorkspaceFile;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Today's activity of one user:
 * <ul>
 * <li>{@code "ActivityEvent"}: the home feed. A {@code RUN} event per finished run ({@code run.completed},
 * {@code run.failed}, {@code run.terminated}) at its end, naming the run; a {@code FILE} event ({@code file.created})
 * per live workspace file an agent wrote (the copilot's {@code write_workspace_file}), at its creation, as the
 * platform's backfill derives them.</li>
 * <li>{@code "UserBriefing"}: one per briefing the user was sent (the {@code BRIEFING} notices, the last at
 * {@code User.lastBriefingAt}), for the local day it went out in the user's timezone, its content the notice's,
 * generated a few minutes before it was delivered.</li>
 * <li>{@code "OnboardingBrainDump"}: half the users who went through onboarding told it about their work.</li>
 * <li>{@code "ExperimentAssignment"}: each user's variant of the experiments running, bucketed once.</li>
 * <li>{@code "UserAttribution"}: where most users came from when they signed up.</li>
 * </ul>
 * Under the early rules, no rows. Thread-safe.
 */
final class ActivityFactory {
    /** The experiments running and their variants (the first is the control). */
    private static final List<List<String>> EXPERIMENTS = List.of(
            List.of("copilot-home-layout", "control", "feed-first"),
            List.of("briefing-tone", "control", "concise", "friendly"),
            List.of("onboarding-brain-dump", "control", "voice-first"),
            List.of("pricing-page-annual-default", "control", "annual"));
    private static final List<String> SOURCES = List.of("google", "twitter", "linkedin", "youtube", "reddit",
            "newsletter", "producthunt", "github");
    private static final List<String> LANDINGS = List.of("/", "/pricing", "/marketplace", "/blog/autopilot",
            "/copilot", "/signup");
    private static final List<String> PROMPTS = List.of("Summarise my unread email every morning",
            "Draft a LinkedIn post from my latest blog article", "Track what competitors ship each week",
            "Qualify new leads from the contact form", "Turn meeting notes into action items",
            "Post a weekly report of our sales numbers to Slack");
    private static final List<String> PROVIDERS = List.of("google", "slack", "notion", "github", "linear",
            "hubspot");

    private final DatasetShape shape;
    private final UserFactory users;
    private final UserRuns runs;
    private final AgentGraphExecutionFactory executions;
    private final UserWorkspaceFactory workspaces;
    private final TodaysNotices notices;
    private final UserOnboardingFactory onboarding;

    ActivityFactory(DatasetShape shape) {
        this.shape = shape;
        this.users = new UserFactory(shape);
        this.runs = new UserRuns(shape);
        this.executions = new AgentGraphExecutionFactory(shape);
        this.workspaces = new UserWorkspaceFactory(shape);
        this.notices = new TodaysNotices(shape);
        this.onboarding = new UserOnboardingFactory(shape);
    }

    private boolean enabled() {
        return shape.rules().atLeast(PlatformRules.SEPTEMBER_2026);
    }

    List<ActivityEvent> events(long u) {
        if (!enabled()) {
            return List.of();
        }
        List<ActivityEvent> rows = new ArrayList<>();
        int k = 0;
        for (UserRuns.Timed t : runs.of(u)) {
            LocalDateTime ended = t.timeline().endedAt();
            if (ended == null) {
                continue;
            }
            // What the run's "AgentGraphExecution" row says, without making the row.
            Run run = t.run();
            AgentExecutionStatus status = t.timeline().status();
            String graphId = shape.graphId(run.owner(), run.g());
            String agent = shape.graphName(run.owner(), run.g());
            String type = "run." + status.name().toLowerCase(Locale.ROOT);
            rows.add(new ActivityEvent(shape.id("ActivityEvent/run", u, k++), ended, shape.userId(u),
                    executions.placement(run).organizationId(), null, null, shape.graphExecutionId(run), null, null,
                    ActivityEventCategory.RUN, type, null, graphId, agent, Json.obj("graph_id", graphId,
                            "graph_version", 1, "status", status.name())));
        }
        for (int f = 0; f < shape.workspaceFiles(u); f++) {
            UserWorkspaceFile file = workspaces.file(u, f);
            if (file.isDeleted() || !file.metadata().text().contains("\"source\":\"copilot\"")) {
                continue;
            }
            rows.add(new ActivityEvent(shape.id("ActivityEvent/file", u, f), file.createdAt(), shape.userId(u),
                    null, null, null, null, null, null, ActivityEventCategory.FILE, "file.created", null, file.id(),
                    file.name(), Json.obj("path", file.path(), "mime_type", file.mimeType(), "size_bytes",
                            file.sizeBytes())));
        }
        return rows;
    }

    List<UserBriefing> briefings(long u) {
        if (!enabled()) {
            return List.of();
        }
        User user = users.create(u);
        ZoneId zone = zone(user.timezone());
        List<UserBriefing> rows = new ArrayList<>();
        int k = 0;
        for (TodaysNotices.Notice n : notices.briefings(u)) {
            Rng rng = shape.rng("UserBriefing", u, k);
            LocalDateTime delivered = n.at();
            LocalDateTime generated = delivered.minusSeconds(rng.between(20, 300));
            LocalDate day = delivered.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
            rows.add(new UserBriefing(shape.id("UserBriefing", u, k++), generated, shape.userId(u), day,
                    Json.of(n.data()), delivered));
        }
        return rows;
    }

    /** The user's zone: the platform's {@code not-set} is UTC. */
    static ZoneId zone(String timezone) {
        return timezone.equals("not-set") ? ZoneOffset.UTC : ZoneId.of(timezone);
    }

    Optional<OnboardingBrainDump> brainDump(long u) {
        if (!enabled() || !onboarding.exists(u)) {
            return Optional.empty();
        }
        Rng rng = shape.rng("OnboardingBrainDump", u);
        if (!rng.chance(0.5)) {
            return Optional.empty();
        }
        LocalDateTime created = shape.soonAfter(rng, shape.userCreatedAt(u), Duration.ofMinutes(20));
        double m = rng.nextDouble();
        BrainDumpInputMode mode = m < 0.5 ? BrainDumpInputMode.voice : m < 0.85 ? BrainDumpInputMode.typed
                : BrainDumpInputMode.skipped;
        boolean failed = mode == BrainDumpInputMode.voice && rng.chance(0.06);
        BrainDumpStatus status = failed ? BrainDumpStatus.failed : BrainDumpStatus.completed;
        String recording = DatasetShape.uuid4(rng);
        String name = users.name(u).split(" ")[0];
        List<String> wants = new ArrayList<>();
        int n = rng.between(1, 3);
        for (int i = 0; i < n; i++) {
            String p = rng.pick(PROMPTS);
            if (!wants.contains(p)) {
                wants.add(p);
            }
        }
        String transcript = mode == BrainDumpInputMode.skipped || failed ? null
                : "I'd like help with a few things. " + String.join(". ", wants) + ".";
        boolean voice = mode == BrainDumpInputMode.voice;
        int bytes = rng.between(80_000, 2_400_000);
        // Opus in WebM at about 128 kbit/s: 16 kB a second.
        Integer size = voice ? bytes : null;
        Double seconds = voice ? Math.round(bytes / 16_000.0 * 10) / 10.0 : null;
        boolean greeted = status == BrainDumpStatus.completed;
        String greeting = greeted ? (transcript == null ? "Welcome, " + name + "! Let's set up your first agent."
                : "Hi " + name + ", I can take \"" + wants.get(0).toLowerCase(Locale.ROOT) + "\" off your plate.")
                : null;
        List<Object> prompts = new ArrayList<>();
        if (greeted) {
            for (String p : wants) {
                prompts.add(Json.map("title", p.split(" ")[0] + " " + p.split(" ")[1], "prompt", p));
            }
        }
        LocalDateTime updated = shape.soonAfter(rng, created, Duration.ofMinutes(2));
        Json providers = greeted && transcript != null ? Json.of(List.of(Json.map("provider", rng.pick(PROVIDERS),
                "reason", "Mentioned in what you want automated"))) : null;
        return Optional.of(new OnboardingBrainDump(shape.id("OnboardingBrainDump", u), created, updated,
                shape.userId(u), recording, status, mode,
                voice ? "onboarding/" + shape.userId(u) + "/" + recording + ".webm" : null,
                voice ? "audio/webm" : null, size, seconds, transcript, transcript != null ? "en" : null,
                failed ? "transcription_failed" : null, greeting, Json.of(prompts),
                greeted && shape.chats(u) > 0, providers, null));
    }

    List<ExperimentAssignment> experiments(long u) {
        if (!enabled()) {
            return List.of();
        }
        List<ExperimentAssignment> rows = new ArrayList<>();
        for (int x = 0; x < EXPERIMENTS.size(); x++) {
            Rng rng = shape.rng("ExperimentAssignment", u, x);
            if (!rng.chance(0.6)) {
                continue;
            }
            List<String> experiment = EXPERIMENTS.get(x);
            String variant = experiment.get(1 + rng.nextInt(experiment.size() - 1));
            rows.add(new ExperimentAssignment(shape.id("ExperimentAssignment", u, x),
                    DatasetShape.between(rng, shape.userCreatedAt(u), shape.now()), shape.userId(u),
                    experiment.get(0), variant, rng.chance(0.7) ? "posthog" : "backend"));
        }
        return rows;
    }

    Optional<UserAttribution> attribution(long u) {
        if (!enabled()) {
            return Optional.empty();
        }
        Rng rng = shape.rng("UserAttribution", u);
        if (!rng.chance(0.8)) {
            return Optional.empty();
        }
        LocalDateTime created = shape.userCreatedAt(u);
        String anonymous = DatasetShape.uuid4(rng);
        boolean paid = rng.chance(0.35);
        String source = paid || rng.chance(0.4) ? rng.pick(SOURCES) : null;
        String referrer = source == null ? (rng.chance(0.5) ? null : "https://www.google.com/")
                : "https://" + (source.equals("newsletter") ? "mail.google.com" : source + ".com") + "/";
        return Optional.of(new UserAttribution(shape.userId(u), created,
                shape.soonAfter(rng, created, Duration.ofMinutes(5)), anonymous,
                rng.chance(0.2) ? DatasetShape.uuid4(rng) : null, rng.chance(0.6) ? rng.hex(24) : null,
                rng.chance(0.6) ? rng.hex(24) : null, rng.pick(LANDINGS), referrer, source,
                source == null ? null : paid ? "cpc" : rng.pick(List.of("social", "email", "referral")),
                source == null ? null : rng.pick(AgentVocabulary.STORE_CATEGORIES).toLowerCase(Locale.ROOT)
                        .replace(' ', '-') + "-2026",
                rng.chance(0.55) ? "google" : "email"));
    }
}

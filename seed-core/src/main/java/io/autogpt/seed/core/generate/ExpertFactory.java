package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.expert.Expert;
import io.autogpt.seed.core.expert.ExpertCredential;
import io.autogpt.seed.core.expert.ExpertPauseEvent;
import io.autogpt.seed.core.expert.ExpertPod;
import io.autogpt.seed.core.expert.ExpertRoutine;
import io.autogpt.seed.core.expert.ExpertRoutineSession;
import io.autogpt.seed.core.expert.ExpertRoutineSource;
import io.autogpt.seed.core.expert.ExpertSetupStatus;
import io.autogpt.seed.core.expert.ExpertSkillListing;
import io.autogpt.seed.core.expert.ExpertWorkflow;
import io.autogpt.seed.core.integration.IntegrationWebhook;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.skill.SkillListing;
import io.autogpt.seed.core.skill.SkillListingActiveVersion;
import io.autogpt.seed.core.skill.SkillListingFile;
import io.autogpt.seed.core.skill.SkillListingVersion;
import io.autogpt.seed.core.store.SubmissionStatus;
import io.autogpt.seed.core.table.Bytes;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Makes today's experts and Skills Hub rows of one user, as the platform makes them: the experts a user raised
 * (owned, private, in their personal organisation's Default team), grouped into the user's pods; the user's library
 * agents installed on them as workflows; the routines they (or the account itself) run; the grants of the owner's
 * credentials; the pauses a weekly budget caused; and the user's own skill listings, their numbered versions and
 * the approved ones the experts come with. Every row names the same user's objects only, so a user's rows depend on
 * that user alone (their cohort for reviewers). Under earlier rules: no rows. Thread-safe.
 */
final class ExpertFactory {
    /** The areas an expert covers, with its categories, a tagline and the providers its skills assume. */
    private record Area(String role, String category, String tagline, List<String> skills) {
    }

    private static final List<Area> AREAS = List.of(
            new Area("Social media", "marketing", "Keeps your channels posting and answered",
                    List.of("scheduling posts", "replying to mentions", "weekly reach report")),
            new Area("Research", "research", "Reads everything so you do not have to",
                    List.of("literature scans", "competitor tracking", "source summaries")),
            new Area("Sales outreach", "sales", "Finds the leads and writes the first email",
                    List.of("lead lists", "cold email drafts", "follow-up sequences")),
            new Area("Bookkeeping", "finance", "Closes the books before you ask",
                    List.of("receipt matching", "monthly close", "cash-flow summary")),
            new Area("Customer support", "support", "Answers the inbox in your voice",
                    List.of("ticket triage", "reply drafts", "FAQ upkeep")),
            new Area("Engineering triage", "engineering", "Turns bug reports into fixes",
                    List.of("issue triage", "pull request review", "release notes")),
            new Area("Content writing", "content", "Drafts, edits and publishes on cadence",
                    List.of("blog drafts", "newsletter", "SEO briefs")));
    private static final List<String> NAMES = List.of("Ada", "Blake", "Devon", "Harper", "Maria", "Max", "Mina",
            "Nadia", "Riley", "Sam", "Theo", "Iris", "Jonah", "Priya", "Kai");
    private static final List<String> COLORS = List.of("", "sky-300", "rose-300", "amber-300", "emerald-300",
            "violet-300", "slate-300");
    private static final List<String> POD_NAMES = List.of("Growth", "Operations", "Back office", "Launch team");
    private static final List<String> CRONS = List.of("0 9 * * 1-5", "30 8 * * *", "0 13 * * *", "0 17 * * 5",
            "0 7 * * 1", "15 10 1 * *");
    /** Skill topics a creator writes knowledge skills about, with the providers each assumes. */
    private static final List<String[]> SKILL_TOPICS = List.of(
            new String[] {"Brand voice guide", "marketing", ""},
            new String[] {"Bug report handoff", "engineering", "github"},
            new String[] {"Budget pacing review", "finance", ""},
            new String[] {"Calendar conflict review", "productivity", "google"},
            new String[] {"Backup restore check", "engineering", ""},
            new String[] {"Ad copy variants", "marketing", ""},
            new String[] {"Accounts receivable follow-up", "finance", "google"},
            new String[] {"Release notes digest", "engineering", "github"},
            new String[] {"Support macro library", "support", "slack"});

    private final DatasetShape shape;
    private final LibraryAgentFactory library;
    private final ListingFacts listings;
    private final IntegrationWebhookFactory webhooks;
    /** The last user's library entries; immutable, swapped whole, so threads share it. */
    private volatile UserEntries lastEntries = new UserEntries(-1, List.of());

    public ExpertFactory(DatasetShape shape) {
        this.shape = shape;
        this.library = new LibraryAgentFactory(shape);
        this.listings = new ListingFacts(shape);
        this.webhooks = new IntegrationWebhookFactory(shape);
    }

    private boolean today() {
        return shape.rules().atLeast(PlatformRules.SEPTEMBER_2026);
    }

    /** How many experts user {@code u} raised: half the users have one to three. */
    int expertCount(long u) {
        if (!today()) {
            return 0;
        }
        Rng rng = shape.rng("count/experts", u);
        return rng.chance(0.5) ? rng.between(1, 3) : 0;
    }

    /** How many skill listings user {@code u} publishes: a fifth of the users are creators of one or two. */
    int skillListingCount(long u) {
        if (!today()) {
            return 0;
        }
        Rng rng = shape.rng("count/skill-listings", u);
        return rng.chance(0.2) ? rng.between(1, 2) : 0;
    }

    // ---- pods ---------------------------------------------------------------------------------------------

    /** User {@code u}'s pod: one, when they have two experts or more and grouped them (half of them). */
    public List<ExpertPod> pods(long u) {
        if (expertCount(u) < 2 || !shape.rng("ExpertPod", u).chance(0.5)) {
            return List.of();
        }
        Rng rng = shape.rng("ExpertPod/name", u);
        return List.of(new ExpertPod(shape.id("ExpertPod", u, 0), podCreatedAt(u), shape.userId(u),
                rng.pick(POD_NAMES)));
    }

    private LocalDateTime podCreatedAt(long u) {
        // After the first expert it groups.
        return shape.soonAfter(shape.rng("time/ExpertPod", u), expertCreatedAt(u, 0), Duration.ofDays(30));
    }

    // ---- experts ------------------------------------------------------------------------------------------

    private String expertId(long u, long e) {
        return shape.id("Expert", u, e);
    }

    private LocalDateTime expertCreatedAt(long u, long e) {
        // Experts came with today's platform: within the last 120 days, after sign-up.
        LocalDateTime from = Tenancy.max(shape.userCreatedAt(u), shape.now().minus(Duration.ofDays(120)));
        return DatasetShape.between(shape.rng("time/Expert", u, e), from, shape.now().minus(Duration.ofDays(2)));
    }

    private boolean archived(long u, long e) {
        return shape.rng("Expert/archived", u, e).chance(0.1);
    }

    public List<Expert> experts(long u) {
        List<Expert> rows = new ArrayList<>();
        for (int e = 0; e < expertCount(u); e++) {
            rows.add(expert(u, e));
        }
        return rows;
    }

    Expert expert(long u, long e) {
        Rng rng = shape.rng("Expert", u, e);
        Area area = rng.pick(AREAS);
        String name = rng.pick(NAMES);
        LocalDateTime createdAt = expertCreatedAt(u, e);
        boolean archived = archived(u, e);
        boolean failed = rng.chance(0.05);
        Integer budget = budget(u, e);
        List<ExpertWorkflow> flows = workflows(u, e);
        LocalDateTime seeded = flows.isEmpty() ? null : flows.get(0).createdAt();
        List<ExpertPauseEvent> pauses = pauseEvents(u, e);
        LocalDateTime paused = pauses.isEmpty() || pauses.get(pauses.size() - 1).clearedAt() != null ? null
                : pauses.get(pauses.size() - 1).createdAt();
        List<ExpertPod> pods = pods(u);
        String podId = !pods.isEmpty() && shape.rng("Expert/pod", u, e).chance(0.7) ? pods.get(0).id() : null;
        LocalDateTime updatedAt = latest(createdAt, seeded, paused,
                podId == null ? null : pods.get(0).createdAt());
        var home = shape.tenancy().personal(u);
        return new Expert(expertId(u, e), createdAt, updatedAt, shape.userId(u), name,
                "https://picsum.photos/seed/" + shape.tag(u) + "x" + e + "/256/256", rng.pick(COLORS), area.role(),
                null, area.tagline(), "I'm " + name + ", raised by you. I learn how you work and grow with you.",
                name + " covers " + area.role().toLowerCase(java.util.Locale.ROOT) + " for you.", area.skills(),
                List.of(area.category()), rng.chance(0.5) ? "Friendly and concise." : "",
                rng.chance(0.3) ? "Never send anything on my behalf without asking first." : "", null, null, false,
                null, archived, budget, paused, seeded,
                failed ? ExpertSetupStatus.FAILED : ExpertSetupStatus.READY, createdAt,
                failed ? List.of(rng.pick(area.skills())) : List.of(), null, podId, home.organizationId(),
                home.teamId(), home.visibility());
    }

    // ---- workflows ----------------------------------------------------------------------------------------

    /**
     * The library agents installed on expert (u, e): up to three distinct entries of the owner's library, each after
     * both the expert and the entry existed, naming the store version a store agent came from.
     */
    public List<ExpertWorkflow> workflows(long u, long e) {
        List<LibraryAgentFactory.Entry> agents = entries(u);
        Rng rng = shape.rng("ExpertWorkflow", u, e);
        int wanted = Math.min(agents.size(), rng.between(0, 3));
        List<Integer> picked = new ArrayList<>();
        for (int tries = 0; picked.size() < wanted && tries < wanted * 4; tries++) {
            int i = rng.nextInt(agents.size());
            if (!picked.contains(i)) {
                picked.add(i);
            }
        }
        LocalDateTime expertAt = expertCreatedAt(u, e);
        boolean archived = archived(u, e);
        List<ExpertWorkflow> rows = new ArrayList<>();
        for (int k = 0; k < picked.size(); k++) {
            int i = picked.get(k);
            LibraryAgentFactory.Entry agent = agents.get(i);
            long owner = agent.owner();
            long g = agent.g();
            Rng row = shape.rng("ExpertWorkflow/row", u, e, k);
            LocalDateTime at = shape.soonAfter(row, Tenancy.max(expertAt, agent.createdAt()), Duration.ofDays(14));
            String version = owner != u && listings.isApproved(owner, g) ? shape.listingVersionId(owner, g) : null;
            String cron = row.chance(0.5) ? row.pick(CRONS) : null;
            // An archived expert's schedules were deleted on archive; one in ten never got its schedule ("needs
            // setup": credentials missing at install).
            String schedule = cron != null && !archived && row.chance(0.9) ? DatasetShape.uuid4(row) : null;
            rows.add(new ExpertWorkflow(shape.id("ExpertWorkflow", u, e, k), at, expertId(u, e), version,
                    agent.id(), cron, schedule));
        }
        rows.sort(java.util.Comparator.comparing(ExpertWorkflow::createdAt));
        return rows;
    }

    /** User {@code u}'s library entries: the last user's kept, as each of their experts installs from them. */
    private List<LibraryAgentFactory.Entry> entries(long u) {
        UserEntries last = lastEntries;
        if (last.u() != u) {
            last = new UserEntries(u, library.entries(u));
            lastEntries = last;
        }
        return last.entries();
    }

    /** A user's library entries. */
    private record UserEntries(long u, List<LibraryAgentFactory.Entry> entries) {
    }

    // ---- routines -----------------------------------------------------------------------------------------

    /** Expert (u, e)'s routines: none to two, the owner dictated them in the expert's chat. */
    public List<ExpertRoutine> expertRoutines(long u, long e) {
        int n = shape.rng("count/ExpertRoutine", u, e).between(0, 2);
        List<ExpertRoutine> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            rows.add(routine(shape.rng("ExpertRoutine", u, e, r), shape.id("ExpertRoutine", u, e, r),
                    expertId(u, e), null, expertCreatedAt(u, e), archived(u, e)));
        }
        return rows;
    }

    /** The account's own routines (the default assistant's): a third of the users keep one or two. */
    public List<ExpertRoutine> accountRoutines(long u) {
        if (!today()) {
            return List.of();
        }
        Rng count = shape.rng("count/account-routines", u);
        int n = count.chance(0.3) ? count.between(1, 2) : 0;
        LocalDateTime from = Tenancy.max(shape.userCreatedAt(u), shape.now().minus(Duration.ofDays(120)));
        List<ExpertRoutine> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            rows.add(routine(shape.rng("ExpertRoutine/account", u, r), shape.id("ExpertRoutine/account", u, r),
                    null, shape.userId(u), from, false));
        }
        return rows;
    }

    private ExpertRoutine routine(Rng rng, String id, @Nullable String expertId, @Nullable String userId,
                                  LocalDateTime after, boolean archived) {
        LocalDateTime createdAt = DatasetShape.between(rng, after, shape.now().minus(Duration.ofDays(1)));
        String[] what = rng.pick(List.of(
                new String[] {"Morning brief", "Summarise what changed overnight and what needs me today."},
                new String[] {"Inbox sweep", "Go through new support emails and draft replies for the urgent ones."},
                new String[] {"Weekly numbers", "Pull this week's numbers and tell me what moved and why."},
                new String[] {"Check the deploy", "Check that tonight's deploy went out and report any errors."},
                new String[] {"Lead follow-ups", "Follow up with leads who have not replied in three days."}));
        boolean oneShot = rng.chance(0.2);
        ExpertRoutineSource source = ExpertRoutineSource.OWNER;
        if (oneShot) {
            LocalDateTime runAt = shape.soonAfter(rng, createdAt, Duration.ofDays(3));
            LocalDateTime fired = runAt.isBefore(shape.now()) ? runAt : null;
            return new ExpertRoutine(id, createdAt, expertId, userId, null, what[0], what[1], List.of(), List.of(),
                    ExpertRoutineSession.FRESH, null, source, runAt, fired, List.of(), createdAt, null, false, false);
        }
        List<String> crons = rng.chance(0.25) ? List.of("30 8 * * 1-5", "0 13 * * 1-5") : List.of(rng.pick(CRONS));
        boolean on = rng.chance(0.6);
        // Archiving deleted the jobs of the routines that were on, and marked them for re-hire to resume.
        List<String> jobs = new ArrayList<>();
        if (on && !archived) {
            for (int k = 0; k < crons.size(); k++) {
                jobs.add(DatasetShape.uuid4(rng));
            }
        }
        return new ExpertRoutine(id, createdAt, expertId, userId, null, what[0], what[1], crons, List.of(),
                rng.chance(0.8) ? ExpertRoutineSession.THREAD : ExpertRoutineSession.FRESH, null, source, null, null,
                jobs, on && !archived ? createdAt : null, null, on && rng.chance(0.2), on && archived);
    }

    // ---- credentials --------------------------------------------------------------------------------------

    /**
     * The owner's credentials expert (u, e) may use: some of those the owner's webhooks hold (the credentials the
     * dataset knows the owner has), granted when the allow-list was seeded from its workflows.
     */
    public List<ExpertCredential> credentials(long u, long e) {
        List<ExpertWorkflow> flows = workflows(u, e);
        if (flows.isEmpty()) {
            return List.of();
        }
        LocalDateTime seeded = flows.get(0).createdAt();
        List<ExpertCredential> rows = new ArrayList<>();
        java.util.Set<String> granted = new java.util.HashSet<>();
        Rng rng = shape.rng("ExpertCredential", u, e);
        for (int w = 0; w < shape.webhooks(u); w++) {
            IntegrationWebhook hook = webhooks.create(u, w);
            if (rng.chance(0.6) && granted.add(hook.credentialsId())) {
                rows.add(new ExpertCredential(shape.id("ExpertCredential", u, e, w),
                        Tenancy.max(seeded, hook.createdAt()), expertId(u, e), hook.credentialsId(), hook.provider()));
            }
        }
        return rows;
    }

    // ---- pauses -------------------------------------------------------------------------------------------

    /** Expert (u, e)'s own weekly budget, or null: the platform's default applies. */
    private @Nullable Integer budget(long u, long e) {
        Rng rng = shape.rng("Expert/budget", u, e);
        return rng.chance(0.4) ? rng.pick(List.of(200, 500, 1000, 2500)) : null;
    }

    /**
     * Expert (u, e)'s schedule pauses: half the live experts with a budget of their own hit it up to twice; each pause was
     * resumed but perhaps the last, which leaves its schedules paused.
     */
    public List<ExpertPauseEvent> pauseEvents(long u, long e) {
        Rng rng = shape.rng("ExpertPauseEvent", u, e);
        Integer budget = budget(u, e);
        if (budget == null || archived(u, e) || !rng.chance(0.5)) {
            return List.of();
        }
        int n = rng.between(1, 2);
        LocalDateTime at = expertCreatedAt(u, e);
        List<ExpertPauseEvent> rows = new ArrayList<>();
        for (int k = 0; k < n && at.plus(Duration.ofDays(1)).isBefore(shape.now()); k++) {
            at = shape.soonAfter(rng, at.plus(Duration.ofDays(1)), Duration.ofDays(20));
            int spent = budget + rng.between(0, budget / 10);
            LocalDateTime cleared = k == n - 1 && rng.chance(0.4) ? null
                    : shape.soonAfter(rng, at, Duration.ofDays(3));
            rows.add(new ExpertPauseEvent(shape.id("ExpertPauseEvent", u, e, k), at, expertId(u, e),
                    "Weekly credit budget reached (" + spent + "/" + budget + ")", cleared));
            if (cleared != null) {
                at = cleared;
            }
        }
        return rows;
    }

    // ---- skills -------------------------------------------------------------------------------------------

    private String skillListingId(long u, long s) {
        return shape.id("SkillListing", u, s);
    }

    private String skillVersionId(long u, long s, long v) {
        return shape.id("SkillListingVersion", u, s, v);
    }

    private int skillVersions(long u, long s) {
        return shape.rng("count/skill-versions", u, s).between(1, 3);
    }

    private String[] skillTopic(long u, long s) {
        return shape.rng("SkillListing/topic", u, s).pick(SKILL_TOPICS);
    }

    private LocalDateTime skillListedAt(long u, long s) {
        LocalDateTime from = Tenancy.max(shape.userCreatedAt(u), shape.now().minus(Duration.ofDays(150)));
        return DatasetShape.between(shape.rng("time/SkillListing", u, s), from,
                shape.now().minus(Duration.ofDays(10)));
    }

    /** The status of version {@code v} (from 0) of listing (u, s): all but the newest were reviewed. */
    private SubmissionStatus skillStatus(long u, long s, long v) {
        Rng rng = shape.rng("SkillListingVersion/status", u, s, v);
        boolean newest = v == skillVersions(u, s) - 1;
        if (!newest) {
            return rng.chance(0.8) ? SubmissionStatus.APPROVED : SubmissionStatus.REJECTED;
        }
        double p = rng.nextDouble();
        return p < 0.6 ? SubmissionStatus.APPROVED : p < 0.8 ? SubmissionStatus.PENDING
                : p < 0.9 ? SubmissionStatus.DRAFT : SubmissionStatus.REJECTED;
    }

    /** The newest approved version of listing (u, s), if any: the listing's active version. */
    private Optional<Integer> activeVersion(long u, long s) {
        for (int v = skillVersions(u, s) - 1; v >= 0; v--) {
            if (skillStatus(u, s, v) == SubmissionStatus.APPROVED) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private LocalDateTime skillVersionAt(long u, long s, long v) {
        LocalDateTime at = skillListedAt(u, s);
        for (int k = 1; k <= v; k++) {
            at = shape.soonAfter(shape.rng("time/SkillListingVersion", u, s, k), at.plus(Duration.ofHours(1)),
                    Duration.ofDays(25));
        }
        return at;
    }

    public List<SkillListing> skillListings(long u) {
        List<SkillListing> rows = new ArrayList<>();
        var home = shape.tenancy().personal(u);
        for (int s = 0; s < skillListingCount(u); s++) {
            String[] topic = skillTopic(u, s);
            boolean approved = activeVersion(u, s).isPresent();
            Rng rng = shape.rng("SkillListing", u, s);
            LocalDateTime created = skillListedAt(u, s);
            rows.add(new SkillListing(skillListingId(u, s), created,
                    skillVersionAt(u, s, skillVersions(u, s) - 1), false, approved,
                    DatasetShape.slug(topic[0]) + "-" + shape.tag(u) + "-" + s, null, approved ? rng.between(0, 400) : 0,
                    shape.userId(u), home.organizationId()));
        }
        return rows;
    }

    public List<SkillListingVersion> skillVersions(long u) {
        List<SkillListingVersion> rows = new ArrayList<>();
        var home = shape.tenancy().personal(u);
        for (int s = 0; s < skillListingCount(u); s++) {
            String[] topic = skillTopic(u, s);
            String slug = DatasetShape.slug(topic[0]);
            for (int v = 0; v < skillVersions(u, s); v++) {
                Rng rng = shape.rng("SkillListingVersion", u, s, v);
                SubmissionStatus status = skillStatus(u, s, v);
                LocalDateTime created = skillVersionAt(u, s, v);
                LocalDateTime submitted = status == SubmissionStatus.DRAFT ? null
                        : shape.soonAfter(rng, created, Duration.ofHours(6));
                boolean reviewed = status == SubmissionStatus.APPROVED || status == SubmissionStatus.REJECTED;
                LocalDateTime reviewedAt = reviewed && submitted != null
                        ? shape.soonAfter(rng, submitted, Duration.ofDays(2)) : null;
                String reviewer = reviewedAt == null ? null : shape.userId(shape.otherUserInCohort(rng, u));
                String description = "Use when you need a " + topic[0].toLowerCase(java.util.Locale.ROOT)
                        + ": the steps, the checks and the template the team follows.";
                String body = "# " + topic[0] + "\n\n## When to use\n\n" + description + "\n\n## Steps\n\n"
                        + "1. Gather the inputs listed below.\n2. Follow the checklist in order.\n"
                        + "3. Report what changed and what needs a human.\n";
                String markdown = "---\nname: " + slug + "\ndescription: " + description + "\n---\n\n" + body;
                List<String> providers = topic[2].isEmpty() ? List.of() : List.of(topic[2]);
                rows.add(new SkillListingVersion(skillVersionId(u, s, v), v + 1, created,
                        reviewedAt != null ? reviewedAt : submitted != null ? submitted : created, topic[0],
                        description, body, markdown, null, List.of(slug.replace('-', ' ')), List.of(topic[1]),
                        providers, List.of(), slug, false, status != SubmissionStatus.REJECTED, status, submitted,
                        skillListingId(u, s), v == 0 ? "Initial release" : "Clearer steps and checks", reviewer,
                        reviewedAt == null ? null : status == SubmissionStatus.APPROVED ? "Looks good."
                                : "Please make the steps concrete.", reviewedAt, home.organizationId()));
            }
        }
        return rows;
    }

    /**
     * The files beside each version's SKILL.md: none to three of a script (executable), a reference and a template,
     * snapshotted with the version (its time), their bytes naming the version they belong to.
     */
    public List<SkillListingFile> skillFiles(long u) {
        List<SkillListingFile> rows = new ArrayList<>();
        for (int s = 0; s < skillListingCount(u); s++) {
            String[] topic = skillTopic(u, s);
            for (int v = 0; v < skillVersions(u, s); v++) {
                Rng rng = shape.rng("SkillListingFile", u, s, v);
                for (int k = 0; k < SKILL_FILES.size(); k++) {
                    if (!rng.chance(0.4)) {
                        continue;
                    }
                    String[] file = SKILL_FILES.get(k);
                    Bytes content = Bytes.utf8(file[2].replace("{topic}", topic[0])
                            .replace("{version}", Integer.toString(v + 1)));
                    rows.add(new SkillListingFile(shape.id("SkillListingFile", u, s, v, k), skillVersionAt(u, s, v),
                            skillVersionId(u, s, v), file[0], content.size(), content.sha256(), file[1],
                            file[0].startsWith("scripts/"), content));
                }
            }
        }
        return rows;
    }

    /** A skill's usual companions: path, MIME type, content ({@code {topic}}, {@code {version}} filled in). */
    private static final List<String[]> SKILL_FILES = List.of(
            new String[] {"scripts/check.py", "text/x-python", "#!/usr/bin/env python3\n\"\"\"Checks for {topic}, "
                    + "version {version}.\"\"\"\nimport sys\n\n\ndef main() -> int:\n    print(\"ok\")\n    return 0\n\n\n"
                    + "if __name__ == \"__main__\":\n    sys.exit(main())\n"},
            new String[] {"references/checklist.md", "text/markdown", "# {topic}: checklist (v{version})\n\n"
                    + "- [ ] Inputs gathered\n- [ ] Steps followed in order\n- [ ] Result reported\n"},
            new String[] {"templates/report.md", "text/markdown", "# {topic} report\n\n## What changed\n\n"
                    + "## What needs a human\n\n<!-- template v{version} -->\n"});

    public List<SkillListingActiveVersion> skillActiveVersions(long u) {
        List<SkillListingActiveVersion> rows = new ArrayList<>();
        for (int s = 0; s < skillListingCount(u); s++) {
            long listing = s;
            activeVersion(u, s).ifPresent(v -> rows.add(new SkillListingActiveVersion(skillListingId(u, listing),
                    skillVersionId(u, listing, v))));
        }
        return rows;
    }

    /** The owner's own approved skill listings expert (u, e) comes with, in display order. */
    public List<ExpertSkillListing> expertSkills(long u, long e) {
        Rng rng = shape.rng("ExpertSkillListing", u, e);
        List<ExpertSkillListing> rows = new ArrayList<>();
        LocalDateTime expertAt = expertCreatedAt(u, e);
        for (int s = 0; s < skillListingCount(u); s++) {
            Optional<Integer> active = activeVersion(u, s);
            if (active.isPresent() && rng.chance(0.7)) {
                LocalDateTime approved = skillVersionAt(u, s, active.get());
                rows.add(new ExpertSkillListing(expertId(u, e), skillListingId(u, s), rows.size(),
                        shape.soonAfter(rng, Tenancy.max(expertAt, approved), Duration.ofDays(7))));
            }
        }
        return rows;
    }

    private static LocalDateTime latest(LocalDateTime first, @Nullable LocalDateTime... more) {
        LocalDateTime out = first;
        for (LocalDateTime t : more) {
            if (t != null && t.isAfter(out)) {
                out = t;
            }
        }
        return out;
    }
}

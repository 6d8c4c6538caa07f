package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.expert.Expert;
import io.autogpt.seed.core.expert.ExpertSetupStatus;
import io.autogpt.seed.core.expert.ExpertSkillListing;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.org.ResourceVisibility;
import io.autogpt.seed.core.random.Ids;
import io.autogpt.seed.core.skill.CatalogueActivation;
import io.autogpt.seed.core.skill.CatalogueRelease;
import io.autogpt.seed.core.skill.CatalogueReleaseVersion;
import io.autogpt.seed.core.skill.SkillListing;
import io.autogpt.seed.core.skill.SkillListingFile;
import io.autogpt.seed.core.skill.SkillListingVersion;
import io.autogpt.seed.core.store.SubmissionStatus;
import io.autogpt.seed.core.table.Bytes;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes the marketplace catalogue of today's platform as its publisher publishes one: the platform's own skill
 * packages (unowned listings, one approved version each with the package's hash and the files beside its SKILL.md),
 * the roster's expert templates with the skills assigned to them, one release (manifest, snapshot, the versions it
 * ships) and its activation.
 *
 * <p>The catalogue is one per platform, not per user or per seed: every run of every seed makes the same rows (ids
 * from a fixed namespace, not from the seed), so runs into one database share it as they share the block catalogue,
 * and its guard triggers, which make a release's rows immutable, never meet a second copy. Only the times come from
 * the plan: the catalogue was published {@value #DAYS_BEFORE_ANCHOR} days before the anchor (the first run's stays).
 * Thread-safe.
 */
public final class CatalogueFactory {
    /** The namespace the catalogue's ids are drawn in, in place of a dataset's seed. */
    private static final long NAMESPACE = 0x6361_7461_6c6f_6775L;
    static final int DAYS_BEFORE_ANCHOR = 30;

    /** A package of the catalogue: slug, name, category, the provider it assumes ("" for none), its companions. */
    private record Package(String slug, String name, String category, String provider, List<String> files) {
    }

    /** An expert template of the roster: key, name, role, tagline, the packages assigned to it in order. */
    private record Template(String key, String name, String role, String jobTitle, String tagline,
                            List<String> skills) {
    }

    private static final List<Package> PACKAGES = List.of(
            new Package("daily-repo-brief", "Daily repo brief", "engineering", "github",
                    List.of("scripts/collect.py", "templates/brief.md")),
            new Package("pr-testability-review", "PR testability review", "engineering", "github",
                    List.of("references/checklist.md")),
            new Package("backup-restore-check", "Backup restore check", "engineering", "",
                    List.of("scripts/restore_check.sh", "references/checklist.md")),
            new Package("inbox-triage", "Inbox triage", "support", "google", List.of("references/labels.md")),
            new Package("weekly-reach-report", "Weekly reach report", "marketing", "",
                    List.of("templates/report.md")),
            new Package("lead-list-builder", "Lead list builder", "sales", "", List.of("scripts/dedupe.py")),
            new Package("monthly-close", "Monthly close", "finance", "", List.of("references/checklist.md",
                    "templates/report.md")),
            new Package("newsletter-draft", "Newsletter draft", "content", "", List.of()));

    private static final List<Template> TEMPLATES = List.of(
            new Template("ada", "Ada", "Engineering", "Staff engineer", "Keeps the repo healthy while you sleep",
                    List.of("daily-repo-brief", "pr-testability-review")),
            new Template("rack", "Rack", "Operations", "Site reliability engineer", "Proves the backups restore",
                    List.of("backup-restore-check")),
            new Template("harper", "Harper", "Customer support", "Support lead", "Answers the inbox in your voice",
                    List.of("inbox-triage")),
            new Template("maria", "Maria", "Social media", "Social media manager",
                    "Keeps your channels posting and answered", List.of("weekly-reach-report", "newsletter-draft")),
            new Template("max", "Max", "Sales outreach", "Sales development rep",
                    "Finds the leads and writes the first email", List.of("lead-list-builder")),
            new Template("nadia", "Nadia", "Bookkeeping", "Bookkeeper", "Closes the books before you ask",
                    List.of("monthly-close")));

    private final LocalDateTime publishedAt;

    public CatalogueFactory(LocalDateTime anchor) {
        this.publishedAt = anchor.minusDays(DAYS_BEFORE_ANCHOR).truncatedTo(ChronoUnit.DAYS);
    }

    private static String id(String table, long k) {
        return Ids.uuid(NAMESPACE, "catalogue/" + table, k);
    }

    private static String listingId(int p) {
        return id("SkillListing", p);
    }

    private static String versionId(int p) {
        return id("SkillListingVersion", p);
    }

    private static String expertId(int t) {
        return id("Expert", t);
    }

    private static int packageIndex(String slug) {
        for (int p = 0; p < PACKAGES.size(); p++) {
            if (PACKAGES.get(p).slug().equals(slug)) {
                return p;
            }
        }
        throw new IllegalStateException("no catalogue package " + slug);
    }

    public List<SkillListing> listings() {
        List<SkillListing> rows = new ArrayList<>();
        for (int p = 0; p < PACKAGES.size(); p++) {
            // No active version until the release's activation gives it one (and says it has an approved one).
            rows.add(new SkillListing(listingId(p), publishedAt, publishedAt, false, false, PACKAGES.get(p).slug(),
                    null, 0, null, null));
        }
        return rows;
    }

    private static String description(Package pkg) {
        return "Use when you need a " + pkg.name().toLowerCase(Locale.ROOT)
                + ": the platform's steps, checks and templates for it.";
    }

    private static String body(Package pkg) {
        return "# " + pkg.name() + "\n\n## When to use\n\n" + description(pkg) + "\n\n## Steps\n\n"
                + "1. Gather the inputs the references list.\n2. Follow the checklist in order.\n"
                + "3. Report what changed and what needs a human.\n";
    }

    private static String markdown(Package pkg) {
        return "---\nname: " + pkg.slug() + "\ndescription: " + description(pkg) + "\n---\n\n" + body(pkg);
    }

    /** The bytes of file {@code path} of {@code pkg}. */
    private static Bytes content(Package pkg, String path) {
        if (path.endsWith(".py")) {
            return Bytes.utf8("#!/usr/bin/env python3\n\"\"\"" + pkg.name() + ": " + path + ".\"\"\"\nimport sys\n\n\n"
                    + "def main() -> int:\n    print(\"ok\")\n    return 0\n\n\nif __name__ == \"__main__\":\n"
                    + "    sys.exit(main())\n");
        }
        if (path.endsWith(".sh")) {
            return Bytes.utf8("#!/bin/sh\n# " + pkg.name() + ": " + path + "\nset -eu\necho ok\n");
        }
        return Bytes.utf8("# " + pkg.name() + ": " + path + "\n\n- [ ] Inputs gathered\n- [ ] Steps followed\n"
                + "- [ ] Result reported\n");
    }

    private static boolean executable(String path) {
        return path.startsWith("scripts/");
    }

    /** The package's file tree as the release manifest lists it: sorted paths, SKILL.md among them. */
    private static List<Map<String, Object>> tree(Package pkg) {
        TreeMap<String, Bytes> files = new TreeMap<>();
        files.put("SKILL.md", Bytes.utf8(markdown(pkg)));
        pkg.files().forEach(path -> files.put(path, content(pkg, path)));
        List<Map<String, Object>> tree = new ArrayList<>();
        files.forEach((path, bytes) -> tree.add(Json.map("path", path, "sha256", bytes.sha256(), "executable",
                executable(path))));
        return tree;
    }

    /** The package's entry in the catalogue's {@code catalog.yml}. */
    private static Map<String, Object> entry(Package pkg) {
        return Json.map("slug", pkg.slug(), "categories", List.of(pkg.category()), "required_providers",
                pkg.provider().isEmpty() ? List.of() : List.of(pkg.provider()));
    }

    /** The publisher's package hash: of the file tree's hash and the catalogue entry. */
    private static String packageSha256(Package pkg) {
        return digest(Json.map("tree_sha256", digest(tree(pkg)), "entry", entry(pkg)));
    }

    public List<SkillListingVersion> versions() {
        List<SkillListingVersion> rows = new ArrayList<>();
        for (int p = 0; p < PACKAGES.size(); p++) {
            Package pkg = PACKAGES.get(p);
            rows.add(new SkillListingVersion(versionId(p), 1, publishedAt, publishedAt, pkg.slug(), description(pkg),
                    body(pkg), markdown(pkg), packageSha256(pkg), List.of(pkg.slug().replace('-', ' ')),
                    List.of(pkg.category()), pkg.provider().isEmpty() ? List.of() : List.of(pkg.provider()),
                    List.of(), pkg.slug(), false, true, SubmissionStatus.APPROVED, publishedAt, listingId(p),
                    "Catalogue release", null, null, publishedAt, null));
        }
        return rows;
    }

    public List<SkillListingFile> files() {
        List<SkillListingFile> rows = new ArrayList<>();
        for (int p = 0; p < PACKAGES.size(); p++) {
            Package pkg = PACKAGES.get(p);
            for (int k = 0; k < pkg.files().size(); k++) {
                String path = pkg.files().get(k);
                Bytes bytes = content(pkg, path);
                rows.add(new SkillListingFile(id("SkillListingFile", p * 16L + k), publishedAt, versionId(p), path,
                        bytes.size(), bytes.sha256(), path.endsWith(".md") ? "text/markdown"
                        : path.endsWith(".py") ? "text/x-python" : "text/x-shellscript", executable(path), bytes));
            }
        }
        return rows;
    }

    /**
     * The roster's templates: unowned, in no organisation, archived until the release's activation shows them, as
     * the platform's template provisioning leaves them.
     */
    public List<Expert> templates() {
        List<Expert> rows = new ArrayList<>();
        for (int t = 0; t < TEMPLATES.size(); t++) {
            Template tpl = TEMPLATES.get(t);
            List<String> skills = tpl.skills().stream().map(s -> PACKAGES.get(packageIndex(s)).name()).toList();
            rows.add(new Expert(expertId(t), publishedAt, publishedAt, null, tpl.name(),
                    "https://picsum.photos/seed/template-" + tpl.key() + "/256/256", "sky-300", tpl.role(),
                    tpl.jobTitle(), tpl.tagline(), "I'm " + tpl.name() + ", your " + tpl.jobTitle()
                            .toLowerCase(Locale.ROOT) + ".", tpl.tagline() + ".", skills,
                    List.of(PACKAGES.get(packageIndex(tpl.skills().get(0))).category()), "Friendly and concise.",
                    "Never send anything on your behalf without asking first.", null,
                    Json.obj("greeting", "Hi, I'm " + tpl.name() + ". Tell me where to start."), true, null, true,
                    null, null, null, ExpertSetupStatus.READY, null, List.of(), null, null, null, null,
                    ResourceVisibility.PRIVATE));
        }
        return rows;
    }

    public List<ExpertSkillListing> assignments() {
        List<ExpertSkillListing> rows = new ArrayList<>();
        for (int t = 0; t < TEMPLATES.size(); t++) {
            List<String> skills = TEMPLATES.get(t).skills();
            for (int k = 0; k < skills.size(); k++) {
                rows.add(new ExpertSkillListing(expertId(t), listingId(packageIndex(skills.get(k))), k, publishedAt));
            }
        }
        return rows;
    }

    /** The release manifest, as the catalogue checkout's {@code release.json} holds it. */
    private static Json manifest() {
        List<Object> packages = new ArrayList<>();
        List<Object> entries = new ArrayList<>();
        for (Package pkg : PACKAGES) {
            packages.add(Json.map("slug", pkg.slug(), "tree_sha256", digest(tree(pkg)), "files", tree(pkg)));
            entries.add(entry(pkg));
        }
        List<Object> experts = TEMPLATES.stream().<Object>map(t -> Json.map("key", t.key(), "skills", t.skills()))
                .toList();
        return Json.obj("schema_version", 1, "release_key", "autogpt-seed-catalogue",
                "provenance", Json.map("source", "autogpt-seed"), "catalog_sha256",
                digest(Json.map("skills", entries)), "packages", packages, "experts", experts,
                "retirements", List.of(), "system_packages", List.of());
    }

    /** The catalogue state a release's activation sets: each skill's listing and version, each expert's skills. */
    private static Json snapshot() {
        Map<String, Object> skills = new TreeMap<>();
        for (int p = 0; p < PACKAGES.size(); p++) {
            skills.put(PACKAGES.get(p).slug(), Json.map("listing_id", listingId(p), "version_id", versionId(p),
                    "retired", false, "has_approved_version", true));
        }
        Map<String, Object> experts = new TreeMap<>();
        for (int t = 0; t < TEMPLATES.size(); t++) {
            Template tpl = TEMPLATES.get(t);
            experts.put(tpl.key(), Json.map("expert_id", expertId(t), "is_archived", false, "skills",
                    tpl.skills().stream().map(s -> listingId(packageIndex(s))).toList()));
        }
        return Json.obj("skills", skills, "experts", experts);
    }

    public CatalogueRelease release() {
        Json manifest = manifest();
        String manifestSha256 = Hashes.sha256Hex(manifest.text());
        // The checkout's commit: ours names no real checkout, so it is derived from what it would hold.
        String revision = Hashes.sha256Hex("autogpt-seed catalogue " + manifestSha256).substring(0, 40);
        String id = digest(Json.map("revision", revision, "manifest_sha256", manifestSha256));
        return new CatalogueRelease(id, revision, manifestSha256, manifest, snapshot(), publishedAt);
    }

    /** The versions the release ships: the one version of each of its packages. */
    public List<CatalogueReleaseVersion> releaseVersions() {
        String release = release().id();
        List<CatalogueReleaseVersion> rows = new ArrayList<>();
        for (int p = 0; p < PACKAGES.size(); p++) {
            rows.add(new CatalogueReleaseVersion(release, versionId(p)));
        }
        return rows;
    }

    /** The release's activation an hour after it was published. */
    public CatalogueActivation activation() {
        CatalogueRelease release = release();
        return new CatalogueActivation(id("CatalogueActivation", 0), release.id(), null, 1, false,
                release.snapshot(), publishedAt.plusHours(1));
    }

    /** The publisher's digest: SHA-256 of the canonical JSON (sorted keys, no white space). */
    private static String digest(Object value) {
        return Hashes.sha256Hex(Json.of(value).text());
    }
}

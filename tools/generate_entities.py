#!/usr/bin/env python3
"""Generates the Jakarta Persistence entities of seed-jpa (io.autogpt.seed.jpa.entity) from the reference facts.

One XxxJpaEntity per platform table the seeder writes, one field per column any known schema version has (named like
the column; names are quoted through orm.xml's delimited-identifiers), a constructor from the core row record, and the
EntityRegistry mapping each core table to its entity. A target that lacks a column gets the entity without that
field's mapping (JpaSink removes it when the persistence unit starts). Generated once and committed; rerun
after the reference changes:
    python3 tools/generate_entities.py
"""
import csv
import os
import re
import sys
from collections import OrderedDict

here = os.path.dirname(os.path.abspath(__file__))
refs = os.path.join(here, "..", "reference")
VERSIONS = ["original", "platform-2026-01", "platform-upstream-2026", "platform-2026-09"]  # oldest first
pkg_dir = os.path.join(here, "..", "seed-jpa", "src", "main", "java", "io", "autogpt", "seed", "jpa", "entity")
res_dir = os.path.join(here, "..", "seed-jpa", "src", "main", "resources", "META-INF")

CORE = {
    "User": "user", "Profile": "user", "UserOnboarding": "user",
    "AgentBlock": "agent", "AgentGraph": "agent", "AgentNode": "agent", "AgentNodeLink": "agent",
    "AgentPreset": "agent", "LibraryAgent": "agent", "LibraryFolder": "agent",
    "UserWorkspace": "workspace", "UserWorkspaceFile": "workspace",
    "UserWorkspaceFolder": "workspace", "ChatMessageFeedback": "chat",
    "ChatLinkedShare": "chat", "SharedChatFile": "chat", "SharedExecutionFile": "execution",
    "AgentGraphExecution": "execution", "AgentNodeExecution": "execution", "AgentNodeExecutionInputOutput": "execution",
    "StoreListing": "store", "StoreListingVersion": "store", "StoreListingReview": "store",
    "CreditTransaction": "credit", "UserBalance": "credit",
    "IntegrationWebhook": "integration", "APIKey": "integration",
    "AnalyticsDetails": "analytics", "AnalyticsMetrics": "analytics",
    "ChatSession": "chat", "ChatMessage": "chat", "CoPilotUnderstanding": "chat",
    "UserNotificationBatch": "notification", "NotificationEvent": "notification",
    "PendingHumanReview": "execution", "AgentNodeExecutionKeyValueData": "execution",
    "CreditRefundRequest": "credit",
    "UnifiedContentEmbedding": "search", "SearchTerms": "search", "BuilderSearchHistory": "search",
    "OAuthApplication": "oauth", "OAuthAuthorizationCode": "oauth", "OAuthAccessToken": "oauth",
    "OAuthRefreshToken": "oauth",
    "Organization": "org", "OrganizationProfile": "org", "OrgMember": "org", "Team": "org", "TeamMember": "org",
    "OrganizationSeatAssignment": "org", "OrgBalance": "org", "OrgInvitation": "org", "OrgCreditTransaction": "org",
    "SubscriptionTrial": "credit", "SubscriptionTrialClaim": "credit",
    "AlertCondition": "alert", "PushSubscription": "alert",
    "ActivityEvent": "activity", "UserBriefing": "activity", "OnboardingBrainDump": "activity",
    "ExperimentAssignment": "activity", "UserAttribution": "activity", "PlatformCostLog": "cost",
    "AuditLog": "org", "IntegrationCredential": "integration",
    "PlatformLink": "bot", "PlatformUserLink": "bot", "PlatformLinkToken": "bot", "BotEvent": "bot",
    "BotGuild": "bot", "BotInstall": "bot",
    "SkillListing": "skill", "SkillListingVersion": "skill", "SkillListingFile": "skill",
    "ExpertPod": "expert", "Expert": "expert", "ExpertWorkflow": "expert", "ExpertRoutine": "expert",
    "ExpertSkillListing": "expert", "ExpertCredential": "expert", "ExpertPauseEvent": "expert",
}
ENUM_PKG = {"AgentExecutionStatus": "execution", "SubmissionStatus": "store", "CreditTransactionType": "credit",
            "APIKeyStatus": "integration", "APIKeyPermission": "integration", "OnboardingStep": "user",
            "SubscriptionTier": "user", "NotificationType": "notification", "ReviewStatus": "execution",
            "CreditRefundRequestStatus": "credit", "ContentType": "search",
            "BriefingFrequency": "user", "ChatSessionStatus": "chat", "SharedVia": "execution",
            "OrgMemberStatus": "org", "TeamJoinPolicy": "org", "ResourceVisibility": "org", "SeatType": "org",
            "SeatStatus": "org", "AlertCause": "alert", "AlertConditionStatus": "alert",
            "ActivityEventCategory": "activity", "BrainDumpStatus": "activity", "BrainDumpInputMode": "activity",
            "CredentialOwnerType": "integration", "PlatformType": "bot", "PlatformLinkType": "bot",
            "ExpertSetupStatus": "expert", "ExpertRoutineSource": "expert", "ExpertRoutineSession": "expert"}
PKS = {"AgentGraph": ["id", "version"], "CreditTransaction": ["transactionKey", "userId"], "UserBalance": ["userId"],
       "PendingHumanReview": ["nodeExecId"], "AgentNodeExecutionKeyValueData": ["userId", "key"],
       "OrganizationProfile": ["organizationId"], "OrgBalance": ["orgId"], "OrgCreditTransaction": ["transactionKey", "orgId"],
       "SubscriptionTrialClaim": ["key"], "UserAttribution": ["userId"],
       "ExpertSkillListing": ["expertId", "skillListingId"]}

enums = set()
# The union of every version's columns of the tables the seeder writes: the newest version's order, then columns
# only older versions have. A column nullable in any version is mapped as nullable.
tables = OrderedDict()
for version in reversed(VERSIONS):
    with open(os.path.join(refs, version, "enums.csv"), newline="") as f:
        for r in csv.DictReader(f):
            enums.add(r["enum_type"])
    with open(os.path.join(refs, version, "columns.csv"), newline="") as f:
        for c in csv.DictReader(f):
            if c["type"] == "tsvector" or c["table_name"] not in CORE:
                continue  # tsvector: kept up by the platform; other tables: not written by the seeder
            cols = tables.setdefault(c["table_name"], OrderedDict())
            known = cols.get(c["column_name"])
            if known is None:
                cols[c["column_name"]] = dict(c)
            else:
                if c["is_nullable"] == "YES":
                    known["is_nullable"] = "YES"
                if known["type"] == "text[]" and c["type"].endswith("[]") and c["type"][:-2] in enums:
                    known["type"] = c["type"]  # retyped to text[] later: the record keeps the enum's labels


def record_components(table):
    """The components of the core's row record for `table`, read from its source: the columns the seeder writes. A
    column some version has that the record lacks is the platform's to fill (left to its default), not mapped."""
    path = os.path.join(here, "..", "seed-core", "src", "main", "java", "io", "autogpt", "seed", "core", CORE[table],
                        table + ".java")
    with open(path) as f:
        source = f.read()
    header = re.search(r"public record %s\((.*?)\)\s*(implements [^{]*)?\{" % table, source, re.S).group(1)
    header = re.sub(r"@\w+(\([^)]*\))?\s*", "", header)
    depth, parts, cur = 0, [], ""
    for ch in header:
        depth += ch == "<"
        depth -= ch == ">"
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return {p.split()[-1] for p in parts if p.strip()}


tables = OrderedDict((t, [c for c in cols.values() if c["column_name"] in record_components(t)])
                     for t, cols in sorted(tables.items()))


def java_type(c):
    t, nullable = c["type"], c["is_nullable"] == "YES"
    if t == "text":
        return "String", "row.%s()"
    if t == "integer":
        return ("Integer" if nullable else "int"), "row.%s()"
    if t == "bigint":
        return ("Long" if nullable else "long"), "row.%s()"
    if t == "double precision":
        return ("Double" if nullable else "double"), "row.%s()"
    if t == "boolean":
        return ("Boolean" if nullable else "boolean"), "row.%s()"
    if t == "timestamp without time zone":
        return "LocalDateTime", "row.%s()"
    if t == "date":
        return "String", "row.%s().toString()"
    if t == "jsonb":
        return "String", ("json(row.%s())" if nullable else "row.%s().text()")
    if t == "vector":
        return "String", "row.%s().text()"
    if t == "bytea":
        return "byte[]", "row.%s().toArray()"
    if t == "text[]":
        return "List<String>", "row.%s()"
    if t.endswith("[]") and t[:-2] in enums:
        return "List<String>", "names(row.%s())"
    if t in enums:
        return t, "row.%s()"
    raise SystemExit("unmapped type " + t)


def cap(s):
    return s[0].upper() + s[1:]


os.makedirs(pkg_dir, exist_ok=True)
entity_classes = []
for table, cols in tables.items():
    cls = table + "JpaEntity"
    entity_classes.append(cls)
    pk = PKS.get(table, ["id"])
    imports = {"jakarta.persistence.Entity", "jakarta.persistence.Id", "jakarta.persistence.Table",
               "io.autogpt.seed.core.%s.%s" % (CORE[table], table)}
    fields, assigns = [], []
    for c in cols:
        jt, expr = java_type(c)
        name = c["column_name"]
        ann = []
        if name in pk:
            ann.append("@Id")
        if jt in enums:
            imports.add("io.autogpt.seed.core.%s.%s" % (ENUM_PKG[jt], jt))
            imports.update({"jakarta.persistence.Enumerated", "jakarta.persistence.EnumType"})
            ann.append("@Enumerated(EnumType.STRING)")
        if jt == "List<String>":
            imports.update({"java.util.List", "jakarta.persistence.Convert"})
            ann.append("@Convert(converter = ArrayLiteralConverter.class)")
        if jt == "LocalDateTime":
            imports.update({"java.time.LocalDateTime", "jakarta.persistence.Convert"})
            ann.append("@Convert(converter = TimestampTextConverter.class)")
        if expr.startswith("json("):
            imports.add("static io.autogpt.seed.jpa.entity.Values.json")
        if expr.startswith("names("):
            imports.add("static io.autogpt.seed.jpa.entity.Values.names")
        if c["is_nullable"] == "YES":
            # JSpecify: a nullable column's field may hold null (type-use, so it sits next to the type).
            imports.add("org.jspecify.annotations.Nullable")
            jt_field = "@Nullable " + jt
        else:
            jt_field = jt
        fields.append("".join("    %s\n" % a for a in ann) + "    private %s %s;" % (jt_field, name))
        assigns.append("        this.%s = %s;" % (name, expr % name))
    idclass = ""
    if len(pk) > 1:
        imports.add("jakarta.persistence.IdClass")
        idclass = "@IdClass(%sJpaEntity.Key.class)\n" % table
    body = []
    body.append("package io.autogpt.seed.jpa.entity;\n")
    statics = sorted(i for i in imports if i.startswith("static "))
    normal = sorted(i for i in imports if not i.startswith("static "))
    for i in statics:
        body.append("import %s;" % i)
    for i in normal:
        body.append("import %s;" % i)
    body.append("")
    body.append("/** The {@code \"%s\"} table as a JPA entity. Generated by tools/generate_entities.py. */" % table)
    body.append('@Entity(name = "%s")' % cls)
    body.append('@Table(name = "%s")' % table)
    if idclass:
        body.append(idclass.rstrip())
    body.append("public class %s {" % cls)
    body.extend(fields)
    body.append("")
    body.append("    /**")
    body.append("     * For the persistence provider, which fills every field from a row it reads before the entity is used; the")
    body.append("     * seeder itself only builds entities from core rows. Hence NullAway's initialization check is waived here only.")
    body.append("     */")
    body.append('    @SuppressWarnings("NullAway.Init")')
    body.append("    protected %s() {" % cls)
    body.append("    }")
    body.append("")
    body.append("    /** The entity holding {@code row}'s values. */")
    body.append("    public %s(%s row) {" % (cls, table))
    body.extend(assigns)
    body.append("    }")
    if len(pk) > 1:
        body.append("")
        body.append("    /** The composite primary key. */")
        types = {c["column_name"]: java_type(c)[0] for c in cols}
        comps = ", ".join("%s %s" % (types[k], k) for k in pk)
        body.append("    public record Key(%s) implements java.io.Serializable {" % comps)
        body.append("    }")
    body.append("}")
    with open(os.path.join(pkg_dir, cls + ".java"), "w") as f:
        f.write("\n".join(body) + "\n")

# The registry: core table -> entity constructor.
reg = ["package io.autogpt.seed.jpa.entity;", ""]
reg_imports = sorted("io.autogpt.seed.core.%s.%s" % (CORE[t], t) for t in tables)
for i in reg_imports + ["java.util.Map", "java.util.function.Function"]:
    reg.append("import %s;" % i)
reg.append("")
reg.append("/** Which entity holds the rows of each core table. Generated by tools/generate_entities.py. */")
reg.append("public final class EntityRegistry {")
reg.append("    private static final Map<Class<? extends Record>, Function<Record, Object>> ENTITIES = Map.ofEntries(")
entries = []
for t in tables:
    entries.append("            Map.entry(%s.class, row -> new %sJpaEntity((%s) row))" % (t, t, t))
reg.append(",\n".join(entries) + ");")
reg.append("""
    private EntityRegistry() {
    }

    /** The entity holding {@code row}; throws if the row's table has no entity. */
    public static Object entityOf(Record row) {
        Function<Record, Object> constructor = ENTITIES.get(row.getClass());
        if (constructor == null) {
            throw new IllegalArgumentException("no entity for " + row.getClass().getSimpleName());
        }
        return constructor.apply(row);
    }

    /** The JPA entity name of the entity for table {@code table} (unquoted table name). */
    public static String entityName(String table) {
        return table + "JpaEntity";
    }
}""")
with open(os.path.join(pkg_dir, "EntityRegistry.java"), "w") as f:
    f.write("\n".join(reg) + "\n")

os.makedirs(res_dir, exist_ok=True)
with open(os.path.join(res_dir, "persistence.xml"), "w") as f:
    f.write("""<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by tools/generate_entities.py. Connection settings come from code, never from this file. -->
<persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0"
             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
             xsi:schemaLocation="https://jakarta.ee/xml/ns/persistence https://jakarta.ee/xml/ns/persistence/persistence_3_0.xsd">
  <persistence-unit name="autogpt-seed" transaction-type="RESOURCE_LOCAL">
    <provider>org.eclipse.persistence.jpa.PersistenceProvider</provider>
    <mapping-file>META-INF/orm.xml</mapping-file>
%s
    <exclude-unlisted-classes>true</exclude-unlisted-classes>
  </persistence-unit>
</persistence>
""" % "\n".join("    <class>io.autogpt.seed.jpa.entity.%s</class>" % c for c in entity_classes + ["ArrayLiteralConverter", "TimestampTextConverter"]))
print("generated", len(entity_classes), "entities")

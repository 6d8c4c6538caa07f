package io.autogpt.seed.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.chat.ChatMessage;
import io.autogpt.seed.core.chat.ChatSession;
import io.autogpt.seed.core.credit.CreditRefundRequest;
import io.autogpt.seed.core.credit.CreditTransaction;
import io.autogpt.seed.core.credit.CreditTransactionType;
import io.autogpt.seed.core.oauth.OAuthAccessToken;
import io.autogpt.seed.core.oauth.OAuthApplication;
import io.autogpt.seed.core.oauth.OAuthAuthorizationCode;
import io.autogpt.seed.core.oauth.OAuthRefreshToken;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.search.SearchTerms;
import io.autogpt.seed.core.search.StoreEmbeddings;
import io.autogpt.seed.core.search.UnifiedContentEmbedding;
import io.autogpt.seed.core.store.StoreListingVersion;
import io.autogpt.seed.core.vector.Embedding;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The rules of the tables the platform added up to 2026-01 that SQL cannot easily state. */
class NewerTablesTest {
    private static final SeedPlan PLAN = SeedPlan.of(11, Instant.parse("2025-06-01T00:00:00Z"),
            ScaleProfile.original().withUsers(300));
    private static final Dataset DATA = new Dataset(PLAN);

    @Test
    void aSearchForACategoryRanksThatCategorysListingsFirst() {
        Map<String, StoreListingVersion> versions = DATA.rows(StoreListingVersion.TABLE)
                .collect(Collectors.toMap(StoreListingVersion::id, Function.identity()));
        List<UnifiedContentEmbedding> embeddings = DATA.rows(UnifiedContentEmbedding.TABLE).toList();
        assertThat(embeddings).hasSizeGreaterThan(100);
        for (UnifiedContentEmbedding row : embeddings) {
            assertThat(row.embedding().dimensions()).isEqualTo(Embedding.PLATFORM_DIMENSIONS);
            assertThat(row.embedding().norm()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            // What pgvector reads back is the same vector, to its six decimals.
            Embedding parsed = Embedding.parse(row.embedding().text());
            assertThat(parsed.cosine(row.embedding())).isGreaterThan(0.99999);
        }
        for (String category : AgentVocabulary.STORE_CATEGORIES) {
            Embedding query = StoreEmbeddings.seeded().query("best " + category + " agents");
            List<UnifiedContentEmbedding> ranked = embeddings.stream()
                    .sorted(Comparator.comparingDouble(e -> -e.embedding().cosine(query))).toList();
            long inCategory = embeddings.stream()
                    .filter(e -> versions.get(e.contentId()).categories().contains(category)).count();
            assertThat(ranked.subList(0, (int) inCategory)).as("the %d nearest to '%s'", inCategory, category)
                    .allSatisfy(e -> assertThat(versions.get(e.contentId()).categories()).contains(category));
        }
    }

    @Test
    void toolResultsAnswerTheCallsBeforeThemInOrder() {
        Map<String, List<ChatMessage>> bySession = DATA.rows(ChatMessage.TABLE)
                .collect(Collectors.groupingBy(ChatMessage::sessionId));
        assertThat(bySession).isNotEmpty();
        long toolMessages = 0;
        for (List<ChatMessage> messages : bySession.values()) {
            java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();
            for (int i = 0; i < messages.size(); i++) {
                ChatMessage m = messages.get(i);
                assertThat(m.sequence()).isEqualTo(i);
                if (i > 0) {
                    assertThat(m.createdAt()).isAfterOrEqualTo(messages.get(i - 1).createdAt());
                }
                if (m.toolCalls() != null) {
                    assertThat(open).isEmpty();
                    java.util.regex.Matcher ids = java.util.regex.Pattern.compile("\"id\":\"(call_[^\"]+)\"")
                            .matcher(m.toolCalls().text());
                    while (ids.find()) {
                        open.add(ids.group(1));
                    }
                } else if (m.role().equals("tool")) {
                    toolMessages++;
                    assertThat(m.toolCallId()).isEqualTo(open.poll());
                } else {
                    assertThat(open).as("calls answered before the next message").isEmpty();
                }
            }
        }
        assertThat(toolMessages).isPositive();
        Map<String, Long> assistants = DATA.rows(ChatMessage.TABLE).filter(m -> m.role().equals("assistant"))
                .collect(Collectors.groupingBy(ChatMessage::sessionId, Collectors.counting()));
        assertThat(DATA.rows(ChatSession.TABLE)).allSatisfy(s -> {
            assertThat(s.totalPromptTokens()).isGreaterThanOrEqualTo(400 * assistants.get(s.id()).intValue());
            assertThat(s.updatedAt()).isAfterOrEqualTo(s.createdAt());
        });
    }

    @Test
    void refundsAskBackAtMostATopUpOfTheSameUser() {
        Map<String, CreditTransaction> transactions = DATA.rows(CreditTransaction.TABLE)
                .collect(Collectors.toMap(t -> t.userId() + "/" + t.transactionKey(), Function.identity()));
        List<CreditRefundRequest> refunds = DATA.rows(CreditRefundRequest.TABLE).toList();
        assertThat(refunds).isNotEmpty();
        assertThat(refunds).allSatisfy(r -> {
            CreditTransaction t = transactions.get(r.userId() + "/" + r.transactionKey());
            assertThat(t).isNotNull();
            assertThat(t.type()).isEqualTo(CreditTransactionType.TOP_UP);
            assertThat(r.amount()).isBetween(1, t.amount());
            assertThat(r.createdAt()).isAfterOrEqualTo(t.createdAt());
        });
    }

    @Test
    void oauthDeadlinesLieOnBothSidesOfNowAndSecretsAreHashes() {
        LocalDateTime now = PLAN.now();
        List<OAuthAuthorizationCode> codes = DATA.rows(OAuthAuthorizationCode.TABLE).toList();
        List<OAuthAccessToken> access = DATA.rows(OAuthAccessToken.TABLE).toList();
        List<OAuthRefreshToken> refresh = DATA.rows(OAuthRefreshToken.TABLE).toList();
        assertThat(codes).anyMatch(c -> c.expiresAt().isAfter(now)).anyMatch(c -> c.expiresAt().isBefore(now));
        assertThat(access).anyMatch(t -> t.expiresAt().isAfter(now)).anyMatch(t -> t.expiresAt().isBefore(now));
        assertThat(refresh).anyMatch(t -> t.expiresAt().isAfter(now)).anyMatch(t -> t.expiresAt().isBefore(now));
        assertThat(access).allSatisfy(t -> assertThat(t.token()).matches("[0-9a-f]{64}"));
        assertThat(refresh).allSatisfy(t -> assertThat(t.token()).matches("[0-9a-f]{64}"));
        assertThat(DATA.rows(OAuthApplication.TABLE)).allSatisfy(a -> {
            assertThat(a.clientSecret()).matches("[0-9a-f]{64}");
            assertThat(a.clientSecretSalt()).matches("[0-9a-f]{32}");
            assertThat(a.clientId()).startsWith("agpt_client_");
        });
        // A used code was exchanged for both tokens the moment it was used, before it expired.
        Map<String, OAuthAccessToken> accessByGrant = access.stream()
                .collect(Collectors.toMap(t -> t.applicationId() + "/" + t.userId(), Function.identity()));
        assertThat(codes).allSatisfy(c -> {
            OAuthAccessToken token = accessByGrant.get(c.applicationId() + "/" + c.userId());
            assertThat(token == null).isEqualTo(c.usedAt() == null);
            if (token != null) {
                assertThat(token.createdAt()).isEqualTo(c.usedAt());
                assertThat(c.usedAt()).isBefore(c.expiresAt());
            }
        });
    }

    @Test
    void searchTermIdsStayInTheirSeedsBlock() {
        long[] bounds = Dataset.searchTermIds(PLAN.seed(), 0, PLAN.scale().users());
        List<SearchTerms> terms = DATA.rows(SearchTerms.TABLE).toList();
        assertThat(terms).isNotEmpty().allSatisfy(t -> assertThat(t.id()).isBetween(bounds[0], bounds[1] - 1));
        assertThat(terms.stream().map(SearchTerms::id).distinct().count()).isEqualTo(terms.size());
        assertThat(bounds[0]).isGreaterThanOrEqualTo(1L << 40);
    }
}

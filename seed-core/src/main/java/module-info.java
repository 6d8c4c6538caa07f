/**
 * The seeder's core: plans, datasets, row records, ports, the runner and the token types. Pure Java and Datafaker.
 *
 * <p>What an embedder uses is exported; how rows are made ({@code generate}: factories and the dataset's skeleton)
 * and where randomness comes from ({@code random}) are not, so they can change without breaking anyone.
 */
module io.autogpt.seed.core {
    requires transitive org.jspecify;
    requires net.datafaker;

    exports io.autogpt.seed.core.plan;
    exports io.autogpt.seed.core.run;
    exports io.autogpt.seed.core.port;
    exports io.autogpt.seed.core.table;
    exports io.autogpt.seed.core.json;
    exports io.autogpt.seed.core.token;
    exports io.autogpt.seed.core.user;
    exports io.autogpt.seed.core.agent;
    exports io.autogpt.seed.core.block;
    exports io.autogpt.seed.core.execution;
    exports io.autogpt.seed.core.store;
    exports io.autogpt.seed.core.credit;
    exports io.autogpt.seed.core.integration;
    exports io.autogpt.seed.core.analytics;
    exports io.autogpt.seed.core.workspace;
    exports io.autogpt.seed.core.chat;
    exports io.autogpt.seed.core.notification;
    exports io.autogpt.seed.core.oauth;
    exports io.autogpt.seed.core.org;
    exports io.autogpt.seed.core.expert;
    exports io.autogpt.seed.core.skill;
    exports io.autogpt.seed.core.search;
    exports io.autogpt.seed.core.vector;
    exports io.autogpt.seed.core.alert;
    exports io.autogpt.seed.core.activity;
    exports io.autogpt.seed.core.cost;
    exports io.autogpt.seed.core.bot;
}

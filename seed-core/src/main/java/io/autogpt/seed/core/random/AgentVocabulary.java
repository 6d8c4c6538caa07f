package io.autogpt.seed.core.random;

import java.util.List;

/**
 * The agent platform's own vocabulary, for values Datafaker has no provider for: block names, LLM models, pins,
 * cron strings, store categories, integrations. Immutable; randomness comes only from the caller's {@link Rng}.
 */
public final class AgentVocabulary {
    public static final List<String> BLOCK_NAMES = List.of(
            "AITextGeneratorBlock", "AIStructuredResponseGeneratorBlock", "AITextSummarizerBlock",
            "AIConversationBlock", "AIListGeneratorBlock", "AgentInputBlock", "AgentOutputBlock",
            "StoreValueBlock", "PrintToConsoleBlock", "FindInDictionaryBlock", "AddToDictionaryBlock",
            "AddToListBlock", "FindInListBlock", "ConditionBlock", "StepThroughItemsBlock", "SendWebRequestBlock",
            "GetWeatherInformationBlock", "SearchTheWebBlock", "ExtractWebsiteContentBlock", "SendEmailBlock",
            "ReadRSSFeedBlock", "GithubCommentBlock", "GithubCreateIssueBlock", "GithubListPullRequestsBlock",
            "SlackPostMessageBlock", "DiscordSendMessageBlock", "TwitterPostTweetBlock", "GoogleSheetsReadBlock",
            "GoogleSheetsWriteBlock", "GmailReadBlock", "TranscribeYoutubeVideoBlock", "CreateTalkingAvatarVideoBlock",
            "AIImageGeneratorBlock", "CodeExecutionBlock", "CalculatorBlock", "CountItemsBlock", "TextParserBlock",
            "FillTextTemplateBlock", "CombineTextsBlock", "TextSplitBlock", "MatchTextPatternBlock",
            "ExtractTextInformationBlock", "GetCurrentTimeBlock", "GetCurrentDateBlock", "CreateCSVBlock",
            "ReadCSVBlock", "WebhookTriggerBlock", "AgentExecutorBlock", "NotionCreatePageBlock", "HubSpotContactBlock");
    public static final List<String> LLM_MODELS = List.of(
            "gpt-4o", "gpt-4o-mini", "o3-mini", "claude-3-7-sonnet-latest", "claude-3-5-haiku-latest",
            "llama-3.3-70b-versatile", "gemini-2.0-flash", "mistral-large-latest");
    public static final List<String> INPUT_PINS = List.of("input", "prompt", "text", "query", "url", "value", "data");
    public static final List<String> OUTPUT_PINS = List.of("output", "response", "result", "value", "items");
    public static final List<String> CRONS = List.of(
            "0 9 * * *", "0 9 * * 1-5", "*/15 * * * *", "0 * * * *", "30 18 * * 5", "0 0 1 * *", "0 8 * * 1");
    public static final List<String> STORE_CATEGORIES = List.of(
            "productivity", "writing", "research", "marketing", "sales", "social media", "data", "development",
            "education", "finance", "lifestyle", "entertainment", "customer support", "seo");
    public static final List<String> GRAPH_ADJECTIVES = List.of(
            "Smart", "Daily", "Automated", "Quick", "Personal", "Weekly", "Instant", "Friendly", "Advanced",
            "Simple", "Creative", "Reliable", "Lightweight", "Autonomous", "Curious");
    public static final List<String> GRAPH_SUBJECTS = List.of(
            "Email", "News", "Research", "Blog", "Tweet", "Meeting", "Invoice", "Lead", "Support", "Recipe",
            "Podcast", "Video", "Market", "Code Review", "Travel", "Job", "Stock", "Weather", "SEO", "Newsletter");
    public static final List<String> GRAPH_ROLES = List.of(
            "Summarizer", "Writer", "Assistant", "Tracker", "Digest", "Generator", "Analyzer", "Planner",
            "Monitor", "Scout", "Helper", "Reporter", "Curator", "Translator", "Optimizer");
    public static final List<String> PROVIDERS = List.of("github", "slack", "discord", "google", "notion", "linear");
    public static final List<String> WEBHOOK_EVENTS = List.of(
            "pull_request", "push", "issues", "issue_comment", "release", "star", "message", "reaction_added");
    public static final List<String> INTEGRATIONS = List.of(
            "github", "google", "slack", "discord", "notion", "twitter", "linear", "hubspot", "reddit", "medium");
    public static final List<String> USAGE_REASONS = List.of(
            "personal", "work", "research", "content creation", "automation", "learning", "business");
    public static final List<String> ANALYTICS_TYPES = List.of(
            "agent_run", "onboarding_step", "marketplace_view", "builder_open", "library_add", "page_view");
    public static final List<String> ANALYTICS_METRICS = List.of(
            "page_load_time", "agent_run_duration", "builder_save_time", "api_latency_ms", "tokens_used");
    public static final List<String> TIMEZONES = List.of(
            "not-set", "UTC", "Europe/London", "Europe/Berlin", "Europe/Paris", "America/New_York",
            "America/Los_Angeles", "America/Sao_Paulo", "Asia/Tokyo", "Asia/Kolkata", "Asia/Singapore",
            "Australia/Sydney", "Africa/Lagos");
    /** YouTube video ids that exist, so store videos render as the original script's did. */
    public static final List<String> YOUTUBE_IDS = List.of(
            "dQw4w9WgXcQ", "jNQXAC9IVRw", "9bZkp7q19f0", "kJQP7kiw5Fk", "OPf0YbXqDm0", "RgKAFK5djSk",
            "JGwWNGJdvx8", "fJ9rUzIMcZQ", "hT_nvWreIhg", "YQHsXMglC9A");
    /** What people call the folders of their agent library. */
    public static final List<String> FOLDER_NAMES = List.of(
            "Marketing", "Research", "Daily reports", "Experiments", "Client work", "Archive", "Personal",
            "Social media", "Data pipelines", "Sales", "Content", "Support", "Finance", "Drafts", "Favourites");
    /** Folder icons (the builder shows an emoji) and colours (hex, as the folder picker offers them). */
    public static final List<String> FOLDER_ICONS = List.of("📁", "🚀", "📊", "🧪", "💼", "🗂️", "📝", "🤖");
    public static final List<String> FOLDER_COLORS = List.of(
            "#6366F1", "#10B981", "#F59E0B", "#EF4444", "#3B82F6", "#8B5CF6", "#EC4899", "#14B8A6");
    /** Kinds of workspace files: base name, extension, MIME type, and a typical size range in bytes. */
    public record FileKind(String base, String extension, String mimeType, int minBytes, int maxBytes) {
    }

    public static final List<FileKind> FILE_KINDS = List.of(
            new FileKind("report", "pdf", "application/pdf", 40_000, 4_000_000),
            new FileKind("notes", "md", "text/markdown", 300, 40_000),
            new FileKind("data", "csv", "text/csv", 1_000, 2_000_000),
            new FileKind("screenshot", "png", "image/png", 50_000, 3_000_000),
            new FileKind("summary", "txt", "text/plain", 200, 20_000),
            new FileKind("export", "json", "application/json", 500, 500_000),
            new FileKind("photo", "jpg", "image/jpeg", 80_000, 5_000_000));
    /** Top-level folders of a workspace, as the CoPilot and uploads file them. */
    public static final List<String> WORKSPACE_DIRS = List.of("documents", "outputs", "uploads", "images");

    private AgentVocabulary() {
    }
}

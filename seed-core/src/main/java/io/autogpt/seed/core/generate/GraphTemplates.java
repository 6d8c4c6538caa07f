package io.autogpt.seed.core.generate;

import java.util.List;
import java.util.function.Consumer;

/**
 * Graph shapes modelled on the platform's own exported agents ({@code backend/agents/agent_*.json}), from core blocks
 * only: inputs feed a few processing blocks whose results end in output blocks. Required inputs a template does not
 * set or link get a value of their type when the design is built.
 */
final class GraphTemplates {
    /**
     * A template: its name, how many nodes it adds, and how it adds them.
     */
    record Template(String name, int size, Consumer<Composer> build) {
    }

    static final List<Template> ALL = List.of(
            new Template("topic summary", 4, c -> {
                int topic = c.input("AgentShortTextInputBlock", "topic");
                int wiki = c.node("GetWikipediaSummaryBlock");
                c.link(topic, "result", wiki, "topic");
                c.link(wiki, "summary", c.output("summary"), "value");
                c.link(wiki, "error", c.output("error"), "value");
            }),
            new Template("letter from a template", 4, c -> {
                int name = c.input("AgentShortTextInputBlock", "name");
                int details = c.input("AgentLongTextInputBlock", "details");
                int fill = c.node("FillTextTemplateBlock");
                c.set(fill, "format", "Dear {{name}},\n\n{{details}}\n\nBest regards");
                c.link(name, "result", fill, "values_#_name");
                c.link(details, "result", fill, "values_#_details");
                c.link(fill, "output", c.output("letter"), "value");
            }),
            new Template("text statistics", 4, c -> {
                int text = c.input("AgentLongTextInputBlock", "text");
                int count = c.node("WordCharacterCountBlock");
                c.link(text, "result", count, "text");
                c.link(count, "word_count", c.output("words"), "value");
                c.link(count, "character_count", c.output("characters"), "value");
            }),
            new Template("threshold check", 4, c -> {
                int score = c.input("AgentNumberInputBlock", "score");
                int check = c.node("ConditionBlock");
                c.set(check, "operator", ">=").set(check, "value2", 50L);
                c.link(score, "result", check, "value1");
                c.link(check, "yes_output", c.output("passed"), "value");
                c.link(check, "no_output", c.output("failed"), "value");
            }),
            new Template("split and count", 6, c -> {
                int text = c.input("AgentLongTextInputBlock", "text");
                int split = c.node("TextSplitBlock");
                c.set(split, "delimiter", ",");
                c.link(text, "result", split, "text");
                int count = c.node("CountItemsBlock");
                c.link(split, "texts", count, "collection");
                int first = c.node("GetListItemBlock");
                c.set(first, "index", 0L);
                c.link(split, "texts", first, "list");
                c.link(count, "count", c.output("count"), "value");
                c.link(first, "item", c.output("first_item"), "value");
            }),
            new Template("web page fetch", 4, c -> {
                int url = c.input("AgentShortTextInputBlock", "url");
                int fetch = c.node("SendWebRequestBlock");
                c.link(url, "result", fetch, "url");
                c.link(fetch, "response", c.output("page"), "value");
                c.link(fetch, "server_error", c.output("server_error"), "value");
            }),
            new Template("calculator", 4, c -> {
                int a = c.input("AgentNumberInputBlock", "a");
                int b = c.input("AgentNumberInputBlock", "b");
                int calc = c.node("CalculatorBlock");
                c.link(a, "result", calc, "a");
                c.link(b, "result", calc, "b");
                c.link(calc, "result", c.output("result"), "value");
            }),
            new Template("dated note", 4, c -> {
                int topic = c.input("AgentShortTextInputBlock", "topic");
                int date = c.node("GetCurrentDateBlock");
                c.link(topic, "result", date, "trigger");
                int fill = c.node("FillTextTemplateBlock");
                c.set(fill, "format", "{{date}}: notes on {{topic}}");
                c.link(date, "date", fill, "values_#_date");
                c.link(topic, "result", fill, "values_#_topic");
                c.link(fill, "output", c.output("note"), "value");
            }),
            new Template("pattern extractor", 5, c -> {
                int text = c.input("AgentLongTextInputBlock", "text");
                int extract = c.node("ExtractTextInformationBlock");
                c.set(extract, "pattern", "https?://\\S+").set(extract, "find_all", true);
                c.link(text, "result", extract, "text");
                int count = c.node("CountItemsBlock");
                c.link(extract, "matched_results", count, "collection");
                c.link(extract, "positive", c.output("first_link"), "value");
                c.link(count, "count", c.output("links_found"), "value");
            }),
            new Template("remember a value", 4, c -> {
                int key = c.input("AgentShortTextInputBlock", "key");
                int value = c.input("AgentInputBlock", "value");
                int persist = c.node("PersistInformationBlock");
                c.link(key, "result", persist, "key");
                c.link(value, "result", persist, "value");
                c.link(persist, "value", c.output("stored"), "value");
            }),
            new Template("read an XML field", 5, c -> {
                int xml = c.input("AgentLongTextInputBlock", "xml");
                int parse = c.node("XMLParserBlock");
                c.link(xml, "result", parse, "input_xml");
                int find = c.node("FindInDictionaryBlock");
                c.set(find, "key", "item");
                c.link(parse, "parsed_xml", find, "input");
                c.link(find, "output", c.output("item"), "value");
                c.link(find, "missing", c.output("missing"), "value");
            }));

    private GraphTemplates() {
    }
}

package org.peerpulse.localstack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, found by a small tokenizer rather than a full parser: what the
 * ops files need is only "which series must exist", and PromQL's grammar makes that easy to get right.
 * Skipped: string literals (label values, label_replace arguments), everything inside {@code {}} (label
 * matchers, which may hold Grafana variables) and {@code []} (ranges, subqueries, {@code $__rate_interval}),
 * the label lists of {@code by}, {@code without}, {@code on}, {@code ignoring}, {@code group_left} and
 * {@code group_right}, function and aggregation names (an identifier followed by {@code (}, or an aggregation
 * followed by its {@code by}/{@code without} clause), keywords,
 * numbers, durations and Grafana variables. What is left is a metric name; the label names its own
 * {@code {}} tests are kept with it, since a matcher on a label the series lack selects nothing (or, negated,
 * everything) without any error.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan", "atan2");

    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");

    /** Aggregation operators, which may take their {@code by}/{@code without} clause before the parenthesis. */
    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");

    /** One label matcher inside {@code {}}, its value already emptied: the label name and the operator. */
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");

    private PromQl() {
    }

    /** A metric a PromQL expression reads, with the label names its matchers test ({@code {a="x", b=~"y"}}). */
    record Selector(String metric, Set<String> matchedLabels) {
    }

    static Set<String> metricNames(String expr) {
        Set<String> names = new LinkedHashSet<>();
        selectors(expr).forEach(selector -> names.add(selector.metric()));
        return names;
    }

    /** Every metric the expression reads, in order, each with the label names its matchers test. */
    static List<Selector> selectors(String expr) {
        List<Selector> selectors = new ArrayList<>();
        int i = 0;
        int n = expr.length();
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
            }
            else if (c == '#') {
                i = skipLine(expr, i);
            }
            else if (c == '{') {
                i = skipGroup(expr, i, '{', '}');
            }
            else if (c == '[') {
                i = skipGroup(expr, i, '[', ']');
            }
            else if (c == '$') {
                // A Grafana variable: $service, ${service}, $__rate_interval.
                i++;
                if (i < n && expr.charAt(i) == '{') {
                    i = skipGroup(expr, i, '{', '}');
                }
                else {
                    while (i < n && isIdentifierPart(expr.charAt(i))) {
                        i++;
                    }
                }
            }
            else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(expr.charAt(i + 1)))) {
                // Numbers, 1e3, 0x1f, and durations such as 5m or 1h30m.
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.'
                        || ((expr.charAt(i) == '+' || expr.charAt(i) == '-')
                                && (expr.charAt(i - 1) == 'e' || expr.charAt(i - 1) == 'E')))) {
                    i++;
                }
            }
            else if (isIdentifierStart(c)) {
                int start = i;
                while (i < n && isIdentifierPart(expr.charAt(i))) {
                    i++;
                }
                String word = expr.substring(start, i);
                int next = skipSpace(expr, i);
                boolean call = next < n && (expr.charAt(next) == '('
                        || (AGGREGATIONS.contains(word) && (expr.startsWith("by", next) || expr.startsWith("without", next))));
                if (LABEL_LISTS.contains(word)) {
                    if (call) {
                        i = skipGroup(expr, next, '(', ')');
                    }
                }
                else if ("offset".equals(word)) {
                    // offset 5m, offset -1h: the duration is skipped as a number.
                    i = next;
                }
                else if (!call && !KEYWORDS.contains(word.toLowerCase())) {
                    Set<String> labels = new LinkedHashSet<>();
                    if (next < n && expr.charAt(next) == '{') {
                        int end = skipGroup(expr, next, '{', '}');
                        Matcher matcher = MATCHER.matcher(withoutStrings(expr.substring(next + 1, end - 1)));
                        while (matcher.find()) {
                            labels.add(matcher.group(1));
                        }
                        i = end;
                    }
                    selectors.add(new Selector(word, labels));
                }
            }
            else {
                i++;
            }
        }
        return selectors;
    }

    /** The label matchers with their quoted values emptied, so a value never reads as a label name. */
    private static String withoutStrings(String matchers) {
        StringBuilder kept = new StringBuilder();
        int i = 0;
        while (i < matchers.length()) {
            char c = matchers.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(matchers, i);
                kept.append("\"\"");
            }
            else {
                kept.append(c);
                i++;
            }
        }
        return kept.toString();
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }

    private static int skipSpace(String expr, int i) {
        while (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipLine(String expr, int i) {
        while (i < expr.length() && expr.charAt(i) != '\n') {
            i++;
        }
        return i;
    }

    /** From an opening quote to just past its closing one; backslash escapes except in raw (backtick) strings. */
    private static int skipString(String expr, int i) {
        char quote = expr.charAt(i++);
        while (i < expr.length() && expr.charAt(i) != quote) {
            i += expr.charAt(i) == '\\' && quote != '`' ? 2 : 1;
        }
        return i + 1;
    }

    /** From an opening bracket to just past its matching close, strings inside included. */
    private static int skipGroup(String expr, int i, char open, char close) {
        int depth = 0;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
                continue;
            }
            if (c == open) {
                depth++;
            }
            else if (c == close && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("unbalanced " + open + close + " in: " + expr);
    }
}

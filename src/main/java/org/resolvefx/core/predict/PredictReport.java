package org.resolvefx.core.predict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.resolvefx.core.trace.AtomicFiles;
import org.resolvefx.core.trace.Narration;

/**
 * A small report of a predict session for students to keep or hand in: the score, and per question
 * the choices, the answer given, the right answer and why. Markdown or a standalone HTML page, in
 * English or German; written atomically.
 *
 * <p>The HTML and Markdown are written by hand: the report is a dozen lines of fixed structure, and
 * only escaping matters (done here for the five HTML characters and Markdown's punctuation).
 */
public final class PredictReport {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private PredictReport() {
    }

    /**
     * What the report is about.
     *
     * @param title the lookup ("www.p2p.tu-darmstadt.de A, recursive, sandbox")
     * @param style class or self-study
     * @param at    when the session ended
     */
    public record Header(String title, PredictStyle style, ZonedDateTime at) {
        public Header {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(style, "style");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Markdown for {@code *.md}, HTML for {@code *.html} / {@code *.htm}. */
    public enum Format {
        MARKDOWN, HTML;

        public static Format of(Path file) {
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.endsWith(".html") || n.endsWith(".htm") ? HTML : MARKDOWN;
        }
    }

    /** Writes the report atomically, in the format its file name asks for. */
    public static void write(Path file, Header header, List<Attempt> attempts, Locale locale) throws IOException {
        String text = Format.of(file) == Format.HTML ? html(header, attempts, locale)
                : markdown(header, attempts, locale);
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static String markdown(Header header, List<Attempt> attempts, Locale locale) {
        StringBuilder md = new StringBuilder(1024);
        md.append("# ").append(md(title(header, locale))).append("\n\n");
        md.append("- ").append(t("report.mode", locale)).append(": ")
                .append(t("report.mode." + header.style().name(), locale)).append('\n');
        md.append("- ").append(t("report.date", locale)).append(": ").append(DATE.format(header.at())).append('\n');
        md.append("- ").append(t("report.score", locale)).append(": ").append(md(scoreLine(attempts, locale)))
                .append("\n\n");
        if (attempts.isEmpty()) {
            md.append(t("report.none", locale)).append('\n');
        }
        int number = 1;
        for (Attempt a : attempts) {
            PredictQuestion q = a.question();
            md.append("## ").append(md(questionLine(number++, q, locale))).append("\n\n");
            md.append("- ").append(t("report.choices", locale)).append(": ");
            for (int i = 0; i < q.choices().size(); i++) {
                md.append(i == 0 ? "" : " \u00b7 ").append(md(q.choices().get(i).text(locale)));
            }
            md.append('\n');
            md.append("- ").append(t("report.given", locale)).append(": ").append(md(given(a, locale))).append('\n');
            md.append("- ").append(t("report.correct", locale)).append(": **")
                    .append(md(q.correctChoice().text(locale))).append("**\n");
            md.append("- ").append(t("report.why", locale)).append(": ").append(md(q.explanation().text(locale)))
                    .append('\n');
            if (q.origin() instanceof Origin.Authored au) {
                md.append("- ").append(t("report.source", locale)).append(": ").append(md(au.source())).append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    public static String html(Header header, List<Attempt> attempts, Locale locale) {
        StringBuilder h = new StringBuilder(2048);
        String title = title(header, locale);
        h.append("<!DOCTYPE html>\n<html lang=\"").append("de".equals(locale.getLanguage()) ? "de" : "en")
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(html(title)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:48em;margin:2em auto;line-height:1.45}"
                        + "h2{font-size:1.1em;margin-top:1.6em}.right{color:#1a7f37}.wrong{color:#cf222e}"
                        + "dt{font-weight:bold}dd{margin:0 0 .4em 1.2em}</style>\n</head>\n<body>\n");
        h.append("<h1>").append(html(title)).append("</h1>\n<dl>\n");
        h.append("<dt>").append(html(t("report.mode", locale))).append("</dt><dd>")
                .append(html(t("report.mode." + header.style().name(), locale))).append("</dd>\n");
        h.append("<dt>").append(html(t("report.date", locale))).append("</dt><dd>")
                .append(html(DATE.format(header.at()))).append("</dd>\n");
        h.append("<dt>").append(html(t("report.score", locale))).append("</dt><dd id=\"score\">")
                .append(html(scoreLine(attempts, locale))).append("</dd>\n</dl>\n");
        if (attempts.isEmpty()) {
            h.append("<p>").append(html(t("report.none", locale))).append("</p>\n");
        }
        int number = 1;
        for (Attempt a : attempts) {
            PredictQuestion q = a.question();
            h.append("<section>\n<h2>").append(html(questionLine(number++, q, locale))).append("</h2>\n<ol>\n");
            for (int i = 0; i < q.choices().size(); i++) {
                boolean right = i == q.correct();
                h.append("<li").append(right ? " class=\"right\"" : "").append('>')
                        .append(right ? "<strong>" : "").append(html(q.choices().get(i).text(locale)))
                        .append(right ? " \u2713</strong>" : "").append("</li>\n");
            }
            h.append("</ol>\n<dl>\n<dt>").append(html(t("report.given", locale))).append("</dt><dd class=\"")
                    .append(!a.isAnswered() ? "none" : a.isCorrect() ? "right" : "wrong").append("\">")
                    .append(html(given(a, locale))).append("</dd>\n");
            h.append("<dt>").append(html(t("report.correct", locale))).append("</dt><dd>")
                    .append(html(q.correctChoice().text(locale))).append("</dd>\n");
            h.append("<dt>").append(html(t("report.why", locale))).append("</dt><dd>")
                    .append(html(q.explanation().text(locale))).append("</dd>\n");
            if (q.origin() instanceof Origin.Authored au) {
                h.append("<dt>").append(html(t("report.source", locale))).append("</dt><dd>")
                        .append(html(au.source())).append("</dd>\n");
            }
            h.append("</dl>\n</section>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** "7 of 9 correct (78 %), 1 without an answer". */
    public static String scoreLine(List<Attempt> attempts, Locale locale) {
        PredictScore s = PredictScore.of(attempts);
        String line = PredictTexts.text("report.scoreValue", PredictTexts.args()
                .with("correct", Integer.toString(s.correct())).with("asked", Integer.toString(s.asked()))
                .with("percent", Integer.toString(s.percent()))).text(locale);
        int unanswered = s.asked() - s.answered();
        if (unanswered > 0) {
            line += ", " + PredictTexts.text("report.unanswered", PredictTexts.args()
                    .with("count", Integer.toString(unanswered))).text(locale);
        }
        return line;
    }

    private static String title(Header header, Locale locale) {
        return PredictTexts.text("report.title", PredictTexts.args().with("title", header.title())).text(locale);
    }

    private static String questionLine(int number, PredictQuestion q, Locale locale) {
        return PredictTexts.text("report.question", PredictTexts.args().with("number", Integer.toString(number))
                .with("step", Integer.toString(q.step())).with("prompt", q.prompt())).text(locale);
    }

    private static String given(Attempt a, Locale locale) {
        if (!a.isAnswered()) {
            return t("report.noAnswer", locale);
        }
        Narration choice = a.question().choices().get(a.chosen());
        return choice.text(locale) + " (" + t(a.isCorrect() ? "report.right" : "report.wrong", locale) + ")";
    }

    private static String t(String key, Locale locale) {
        return PredictTexts.text(key).text(locale);
    }

    static String html(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Backslash before every character Markdown could read as markup; line breaks become spaces. */
    static String md(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*_[]<>|#".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c == '\n' || c == '\r') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

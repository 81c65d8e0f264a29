package org.advocacyhub.messaging.email;

import org.advocacyhub.application.port.Mail;
import org.advocacyhub.domain.text.Html;
import java.util.ArrayList;
import java.util.List;

/**
 * A letter as headed paragraphs, rendered once as plain text and once as simple HTML so both
 * parts of the email always say the same thing. Every value is escaped in the HTML.
 */
final class Letter {

    private final List<String[]> blocks = new ArrayList<>();

    Letter heading(String text) {
        blocks.add(new String[] {"h", text});
        return this;
    }

    Letter paragraph(String text) {
        blocks.add(new String[] {"p", text});
        return this;
    }

    /** A link on its own line: the label then the address in text, an anchor in HTML. */
    Letter link(String label, String url) {
        blocks.add(new String[] {"a", label, url});
        return this;
    }

    Letter numbered(List<String> items) {
        blocks.add(prefixed("ol", items));
        return this;
    }

    private static String[] prefixed(String tag, List<String> items) {
        String[] out = new String[items.size() + 1];
        out[0] = tag;
        for (int i = 0; i < items.size(); i++) {
            out[i + 1] = items.get(i);
        }
        return out;
    }

    Mail to(String address, String subject) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(subject)).append("</title></head><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5\">");
        for (String[] block : blocks) {
            switch (block[0]) {
                case "h" -> {
                    text.append(block[1]).append('\n').append("-".repeat(block[1].length())).append("\n\n");
                    html.append("<h2>").append(Html.escape(block[1])).append("</h2>");
                }
                case "p" -> {
                    text.append(block[1]).append("\n\n");
                    html.append("<p>").append(Html.escape(block[1])).append("</p>");
                }
                case "a" -> {
                    text.append(block[1]).append(": ").append(block[2]).append("\n\n");
                    html.append("<p><a href=\"").append(Html.escape(block[2])).append("\">").append(Html.escape(block[1])).append("</a></p>");
                }
                default -> {
                    html.append("<ol>");
                    for (int i = 1; i < block.length; i++) {
                        text.append(i).append(". ").append(block[i]).append('\n');
                        html.append("<li>").append(Html.escape(block[i])).append("</li>");
                    }
                    text.append('\n');
                    html.append("</ol>");
                }
            }
        }
        html.append("</body></html>");
        return new Mail(address, subject, text.toString().stripTrailing() + "\n", html.toString());
    }
}

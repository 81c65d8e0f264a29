package org.advocacyhub.casework.console;

import static org.advocacyhub.domain.text.Html.escape;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.contract.Authority;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.console.Console;
import org.advocacyhub.web.console.ListLinks;

/**
 * What the console's lists share (issue 21: lists that scale): their filters as a GET form (the contract's services and
 * councils, an advocate, a search, overdue only), the filters read back from the address, and links to the page before
 * and after that keep them. A page holds {@link #PAGE} rows, short enough to read.
 */
final class ListControls {

    /** Rows a console list shows at once: a page stays short (issue 21: under 3,000 px at 1280 px wide with 200 cases). */
    static final int PAGE = 15;

    private static final List<String> NAMES = List.of("service", "authority", "advocateId", "search", "overdue", "pageToken");

    private ListControls() {
    }

    /** A list page's filters as its address gives them (each once, only the ones the lists know, none empty). */
    static Map<String, String> query(HttpRequest request) {
        return ListLinks.query(request, NAMES);
    }

    /**
     * The filters as a GET form: the contract's services and councils, the advocates given (none, no advocate filter), a
     * search box labelled {@code searchLabel}, and "overdue only" when {@code overdue}.
     */
    static void filters(StringBuilder html, Console.Staff staff, String path, Contract contract, Map<String, String> filters,
                        String searchLabel, List<StaffRecord> advocates, boolean overdue) {
        html.append("<form method=\"get\" action=\"").append(escape(staff.href(path))).append("\" class=\"inline-form filters\">")
                .append("<input type=\"hidden\" name=\"contract\" value=\"").append(escape(contract.code())).append("\">")
                .append("<div class=\"group\"><label for=\"filter-service\">Service</label><select id=\"filter-service\" name=\"service\">")
                .append("<option value=\"\">All services</option>");
        for (ServiceCode service : ServiceCode.values()) {
            if (contract.offers(service)) {
                ListLinks.option(html, service.name(), service.displayName(), filters.get("service"));
            }
        }
        html.append("</select></div><div class=\"group\"><label for=\"filter-authority\">Council</label>")
                .append("<select id=\"filter-authority\" name=\"authority\"><option value=\"\">All councils</option>");
        for (Authority authority : contract.authorities()) {
            ListLinks.option(html, authority.code(), authority.name(), filters.get("authority"));
        }
        html.append("</select></div>");
        if (!advocates.isEmpty()) {
            html.append("<div class=\"group\"><label for=\"filter-advocate\">Advocate</label>")
                    .append("<select id=\"filter-advocate\" name=\"advocateId\"><option value=\"\">All advocates</option>");
            advocates.forEach(a -> ListLinks.option(html, a.id(), a.name(), filters.get("advocateId")));
            html.append("</select></div>");
        }
        html.append("<div class=\"group\"><label for=\"filter-search\">").append(escape(searchLabel)).append("</label>")
                .append("<input id=\"filter-search\" name=\"search\" type=\"search\" maxlength=\"100\" autocomplete=\"off\" value=\"")
                .append(escape(filters.getOrDefault("search", ""))).append("\"></div>");
        if (overdue) {
            html.append("<div class=\"group\"><div class=\"choice\"><input id=\"filter-overdue\" name=\"overdue\" type=\"checkbox\" value=\"yes\"")
                    .append("yes".equals(filters.get("overdue")) ? " checked" : "").append("><label for=\"filter-overdue\">Overdue only</label></div></div>");
        }
        html.append("<button type=\"submit\" class=\"button--secondary\">Show</button></form>");
    }

    /** "12 cases waiting that match: 1 to 20 shown." */
    static String count(int total, int offset, int shown, String what, Map<String, String> filters) {
        boolean filtered = filters.keySet().stream().anyMatch(k -> !k.equals("pageToken"));
        return "<p><strong>" + total + (total == 1 ? " case " : " cases ") + escape(what) + (filtered ? " that match" : "") + "</strong>"
                + (total > shown ? ": " + (offset + 1) + " to " + (offset + shown) + " shown" : "") + ".</p>";
    }

    /** Links to the same page for each of {@code contracts}, the one shown ({@code current}) marked as the current page. */
    static void contractLinks(StringBuilder html, Console.Staff staff, String path, List<Contract> contracts, String current) {
        html.append("<nav aria-label=\"Contracts\"><ul>");
        for (Contract c : contracts) {
            html.append("<li><a href=\"").append(escape(staff.href(path + "?contract=" + c.code()))).append("\"")
                    .append(c.code().equals(current) ? " aria-current=\"page\"" : "").append(">").append(escape(c.code()))
                    .append("</a></li>");
        }
        html.append("</ul></nav>");
    }

    /** Links to the page before and after, keeping the list's contract and filters. */
    static void pages(StringBuilder html, Console.Staff staff, String path, String contract, Map<String, String> filters,
                      String previous, String next) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("contract", contract);
        query.putAll(filters);
        ListLinks.pages(html, staff, path, query, previous, next, "");
    }
}

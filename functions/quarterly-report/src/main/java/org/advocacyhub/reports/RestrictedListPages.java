package org.advocacyhub.reports;

import static org.advocacyhub.domain.text.Html.escape;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import jakarta.inject.Singleton;
import java.util.List;
import org.advocacyhub.application.port.WorkbookWriter;
import org.advocacyhub.application.reports.RestrictedLists;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.ReportsApi;
import org.advocacyhub.web.console.ConsoleText;
import org.advocacyhub.web.html.PageLayout;

/**
 * The public page of a council's link to its restricted list (issue 23), and its Download button. No staff sign-in: the
 * link's token is the credential (template.yaml: no authorizer), so the answers say nothing to anyone without a live link,
 * not even whether a token ever existed. A GET shows the page only: mail scanners and link previews fetch every link in an
 * email, and must not download the list (a download is audited as the council's). Every answer is never cached, never
 * sent on as a referrer and kept out of search indexes ({@link HttpResponses#unlisted}).
 */
@Singleton
public final class RestrictedListPages {

    /** What every link that opens nothing answers: expired, never made, or its list no longer kept. */
    static final String EXPIRED = "This link has expired. Ask the provider to send a new one.";

    private final RestrictedLists lists;

    public RestrictedListPages(RestrictedLists lists) {
        this.lists = lists;
    }

    /** The public routes, for the function's route table. */
    public List<ApiOperation> operations() {
        return List.of(ReportsApi.RESTRICTED_LIST.handledBy(this::page), ReportsApi.RESTRICTED_LIST_DOWNLOAD.handledBy(this::download));
    }

    private APIGatewayProxyResponseEvent page(HttpRequest request) {
        RestrictedLists.Opened opened = lists.open(token(request));
        if (!(opened instanceof RestrictedLists.Page page)) {
            return gone();
        }
        String period = ConsoleText.day(page.quarter().firstDay()) + " to " + ConsoleText.day(page.quarter().lastDay());
        String html = "<h1>Restricted list: " + escape(page.councilName()) + ", " + escape(page.quarter().name()) + "</h1>"
                + "<p>The restricted list that goes with the quarterly return of the " + escape(page.contractName()) + " for "
                + escape(page.councilName()) + ", " + escape(period) + ": " + escape(page.holds()) + ".</p>"
                + "<p>This link is for the named recipients of the report email only. It expires at "
                + escape(RestrictedLists.when(page.expiresAt())) + " (London time); after that, ask the provider to send a new one.</p>"
                // Posted back to this same address (an empty action): the page needs no path of its own, behind any stage.
                + "<form method=\"post\" action=\"\" novalidate><button type=\"submit\">Download</button></form>"
                + "<p class=\"hint\">An Excel workbook with personal data: keep it only where your council keeps such records. "
                + "Each download is recorded.</p>";
        return HttpResponses.unlisted(HttpResponses.html(200, PageLayout.page("Restricted list: " + page.councilName(), html)));
    }

    private APIGatewayProxyResponseEvent download(HttpRequest request) {
        RestrictedLists.Opened opened = lists.download(token(request));
        if (!(opened instanceof RestrictedLists.File file)) {
            return gone();
        }
        return HttpResponses.unlisted(HttpResponses.download(file.fileName(), WorkbookWriter.CONTENT_TYPE, file.content()));
    }

    /** One answer for every link that opens nothing: 410, in words. */
    private static APIGatewayProxyResponseEvent gone() {
        return HttpResponses.unlisted(HttpResponses.html(410, PageLayout.page("This link has expired",
                "<h1>This link has expired</h1><p>" + escape(EXPIRED) + "</p>")));
    }

    private static String token(HttpRequest request) {
        return request.pathParameter("token").orElse("");
    }
}

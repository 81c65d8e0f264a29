package org.advocacyhub.web.html;

import static org.advocacyhub.domain.text.Html.escape;

/**
 * The page layout of every HTML page, public and staff, written once: GOV.UK Design System
 * conventions (skip link, one h1, 19px text, thick focus outlines, error colours) with inline
 * styles only, so the pages need no external assets, pass the strict Content-Security-Policy of
 * {@code HttpResponses.html} and work with JavaScript off. Tables stack into labelled rows on a
 * narrow screen so that nothing scrolls sideways at 320 CSS pixels (WCAG 2.2 1.4.10).
 */
public final class PageLayout {

    static final String STYLE = """
            *,*::before,*::after{box-sizing:border-box}
            body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.32;color:#0b0c0c;background:#fff}
            a{color:#1d70b8;text-decoration-thickness:max(1px,.0625rem);text-underline-offset:.1578em}a:visited{color:#4c2c92}
            a:hover{color:#003078;text-decoration-thickness:max(3px,.1875rem)}
            a:focus,.error-summary a:focus{outline:3px solid transparent;color:#0b0c0c;background-color:#ffdd00;box-shadow:0 -2px #ffdd00,0 4px #0b0c0c;text-decoration:none}
            input:focus,select:focus,textarea:focus{outline:3px solid #ffdd00;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
            input[type=radio]:focus,input[type=checkbox]:focus{outline:3px solid #0b0c0c;outline-offset:2px;box-shadow:0 0 0 8px #ffdd00}
            input,select,textarea{scroll-margin-top:9em}
            .skip{position:absolute;left:-9999px}.skip:focus{position:static;display:inline-block;padding:10px;box-shadow:none}
            header{background:#0b0c0c;color:#fff;padding:10px 15px;font-weight:700;font-size:24px}
            main{display:block;max-width:960px;margin:0 auto;padding:20px 15px 60px}
            h1{font-size:36px;margin:30px 0 20px}h2{font-size:27px;margin:40px 0 15px}
            legend h2{margin:0}
            .group{margin-bottom:30px}.group--error{border-left:5px solid #d4351c;padding-left:15px}
            label,legend{display:block;font-weight:700;margin-bottom:5px}
            legend{padding:0;max-width:100%;white-space:normal}
            fieldset{border:0;margin:0 0 30px;padding:0;min-width:0}fieldset>legend{font-size:24px}
            fieldset fieldset>legend{font-size:19px}.group>fieldset{margin-bottom:0}
            .hint{color:#505a5f;margin:0 0 10px}
            .error-message{color:#d4351c;font-weight:700;margin:0 0 10px}
            .visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important;border:0!important}
            input[type=text],input[type=email],input[type=tel],select,textarea{font:inherit;border:2px solid #0b0c0c;border-radius:0;padding:5px;width:100%;max-width:30em}
            textarea{min-height:8em}.input--error{border-color:#d4351c!important}
            .input--error:focus{border-color:#0b0c0c!important}
            .input--postcode{max-width:23ex!important}.input--phone{max-width:41ex!important}
            .input--date{width:5em!important;margin-right:20px}.input--year{width:7em!important}
            .date{display:flex;flex-wrap:wrap}.date label{font-weight:400}
            .choice{display:flex;align-items:flex-start;margin-bottom:10px}.choice input{width:28px;height:28px;margin:0 10px 0 0;flex:none}
            .choice label{font-weight:400;margin:0;padding-top:2px}
            .error-summary{border:5px solid #d4351c;padding:20px;margin:10px 0 30px}.error-summary h2{margin-top:0}
            .error-summary:focus{outline:3px solid #ffdd00;outline-offset:0}
            .error-summary ul{list-style:none;padding:0;margin:0}.error-summary li{margin-bottom:5px}
            .error-summary a{color:#d4351c;font-weight:700}
            button{font:inherit;font-size:19px;line-height:1.2;background:#00703c;color:#fff;border:2px solid transparent;border-radius:0;box-shadow:0 2px 0 #002d18;padding:8px 10px 7px;cursor:pointer}
            button:hover{background:#005a30}
            button:focus{outline:3px solid transparent;background:#ffdd00;color:#0b0c0c;box-shadow:0 2px 0 #0b0c0c}
            .panel{background:#00703c;color:#fff;padding:25px;text-align:center;margin-bottom:30px;border:5px solid transparent}.panel h1{margin-top:0}
            .panel .reference{font-size:36px;font-weight:700;overflow-wrap:anywhere}
            @media (max-width:640px){body{font-size:16px}h1{font-size:27px}h2{font-size:21px}fieldset>legend{font-size:19px}fieldset fieldset>legend{font-size:16px}button{font-size:16px}.panel .reference{font-size:27px}}
            .console header{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:10px}
            .console header a,.console header a:visited{color:#fff}.console header a:focus{color:#0b0c0c}
            .console header form{margin:0}.console header button{font-size:16px;background:#fff;color:#0b0c0c;box-shadow:0 2px 0 #929191}
            .console header button:focus{background:#ffdd00}
            nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:5px 20px;font-size:16px;font-weight:400}
            nav a[aria-current=page]{text-decoration-thickness:3px}
            .who{font-size:16px;font-weight:400}
            table{border-collapse:collapse;width:100%;margin-bottom:30px}caption{text-align:left;font-weight:700;font-size:24px;margin-bottom:10px}
            th,td{text-align:left;vertical-align:top;padding:10px 20px 10px 0;border-bottom:1px solid #b1b4b6}
            dl{margin:0 0 30px}dl div{display:flex;flex-wrap:wrap;border-bottom:1px solid #b1b4b6;padding:10px 0}
            dt{font-weight:700;flex:0 0 30%;min-width:10em;padding-right:20px}dd{margin:0;flex:1 1 20em;overflow-wrap:anywhere}
            .tag{display:inline-block;padding:2px 8px;font-weight:700;background:#cce2d8;color:#005a30}
            .tag--late{background:#f4cdc6;color:#942514}.tag--soon{background:#fff7bf;color:#594d00}.tag--grey{background:#e5e6e7;color:#383f43}
            details{margin-bottom:20px;border-left:5px solid #b1b4b6;padding-left:15px}summary{color:#1d70b8;cursor:pointer;text-decoration:underline;font-weight:700}
            summary:focus{outline:3px solid transparent;color:#0b0c0c;background:#ffdd00;box-shadow:0 -2px #ffdd00,0 4px #0b0c0c;text-decoration:none}
            .inline-form{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-end}.inline-form .group{margin-bottom:0}
            .button-group{display:flex;flex-wrap:wrap;gap:15px;align-items:center}.caption{color:#505a5f;font-size:19px;margin:0 0 5px}
            .button--secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}.button--secondary:hover{background:#dbdad9}
            .notice{border-left:10px solid #1d70b8;padding:15px;margin-bottom:30px;background:#f3f2f1}
            nav[aria-label="Contracts"] a{display:inline-block;min-width:24px;min-height:24px;padding:2px 4px}
            .console main{max-width:1200px}.inline-form select{width:auto;max-width:100%}.inline-form .group{max-width:100%}td details{margin:5px 0 0}td form{margin:0}
            @media (min-width:641px){td .inline-form{flex-wrap:nowrap;gap:5px}td .inline-form select{max-width:11em}}.console td[data-label="Case"]{white-space:nowrap}
            .pages ul{display:flex;flex-wrap:wrap;gap:20px;list-style:none;padding:0}.pages a{display:inline-block;min-height:24px;padding:2px 4px}
            .next{border:2px solid #1d70b8;padding:15px;margin-bottom:30px}.actions{margin:10px 0 0;padding-left:20px}.actions li{margin-bottom:5px}
            .count{font-size:36px;font-weight:700;display:block}
            .cards{display:flex;flex-wrap:wrap;gap:20px;list-style:none;padding:0;margin:0 0 30px}.cards li{flex:1 1 12em;border-top:5px solid #1d70b8;padding-top:10px}
            input[type=datetime-local]{font:inherit;border:2px solid #0b0c0c;border-radius:0;padding:5px;max-width:100%}
            @media (max-width:640px){table,thead,tbody,tr,th,td{display:block}thead{position:absolute;left:-9999px}tr{border-bottom:2px solid #0b0c0c;padding:10px 0}
            th,td{border:0;padding:2px 0}td[data-label]::before{content:attr(data-label) ": ";font-weight:700}.count{font-size:27px}}
            """;

    private PageLayout() {
    }

    /** A public page: the referral form and its receipt. */
    public static String page(String title, String mainHtml) {
        return document(title, "", "<header>Advocacy Hub</header>", mainHtml);
    }

    /**
     * A staff page: the header holds the console's navigation and who is signed in (with the
     * sign-out button), given as HTML the caller built and escaped.
     */
    public static String staffPage(String title, String headerHtml, String mainHtml) {
        return document(title, " class=\"console\"", "<header>" + headerHtml + "</header>", mainHtml);
    }

    private static String document(String title, String bodyClass, String header, String mainHtml) {
        return "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " - Advocacy Hub</title><style>" + STYLE + "</style></head><body" + bodyClass + ">"
                + "<a class=\"skip\" href=\"#main\">Skip to main content</a>"
                + header
                + "<main id=\"main\">" + mainHtml + "</main></body></html>\n";
    }
}

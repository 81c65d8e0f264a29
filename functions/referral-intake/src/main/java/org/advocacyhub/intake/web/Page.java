package org.advocacyhub.intake.web;

import static org.advocacyhub.messaging.email.Html.escape;

/**
 * The page layout shared by the public pages: GOV.UK Design System conventions (skip link, one
 * h1, 19px text, thick focus outlines, error colours) with inline styles only, so the pages need no
 * external assets and work with JavaScript off.
 */
final class Page {

    private static final String STYLE = """
            *,*::before,*::after{box-sizing:border-box}
            body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.32;color:#0b0c0c;background:#fff}
            a{color:#1d70b8}a:focus,input:focus,select:focus,textarea:focus,button:focus{outline:3px solid #ffdd00;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
            .skip{position:absolute;left:-9999px}.skip:focus{position:static;display:inline-block;padding:10px;background:#ffdd00;color:#0b0c0c}
            header{background:#0b0c0c;color:#fff;padding:10px 15px;font-weight:700;font-size:24px}
            main{max-width:960px;margin:0 auto;padding:20px 15px 60px}
            h1{font-size:36px;margin:30px 0 20px}h2{font-size:27px;margin:40px 0 15px}
            .group{margin-bottom:30px}.group--error{border-left:5px solid #d4351c;padding-left:15px}
            label,legend{display:block;font-weight:700;margin-bottom:5px}
            fieldset{border:0;margin:0 0 30px;padding:0;min-width:0}fieldset>legend{font-size:24px}
            fieldset fieldset>legend{font-size:19px}
            .hint{color:#505a5f;margin-bottom:10px}
            .error-message{color:#d4351c;font-weight:700;margin:0 0 10px}
            .visually-hidden{position:absolute!important;width:1px!important;height:1px!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important}
            input[type=text],input[type=email],input[type=tel],select,textarea{font:inherit;border:2px solid #0b0c0c;padding:5px;width:100%;max-width:30em}
            textarea{min-height:8em}.input--error{border-color:#d4351c!important}
            .input--date{width:5em!important;margin-right:20px}.input--year{width:7em!important}
            .date{display:flex;flex-wrap:wrap}.date label{font-weight:400}
            .choice{display:flex;align-items:flex-start;margin-bottom:10px}.choice input{width:28px;height:28px;margin:0 10px 0 0;flex:none}
            .choice label{font-weight:400;margin:0;padding-top:2px}
            .error-summary{border:5px solid #d4351c;padding:20px;margin-bottom:30px}.error-summary h2{margin-top:0}
            .error-summary a{color:#d4351c;font-weight:700}
            button{font:inherit;font-size:19px;background:#00703c;color:#fff;border:0;box-shadow:0 2px 0 #002d18;padding:8px 12px;cursor:pointer}
            .panel{background:#00703c;color:#fff;padding:25px;text-align:center;margin-bottom:30px}.panel h1{margin-top:0}
            .panel .reference{font-size:36px;font-weight:700}
            """;

    private Page() {
    }

    static String layout(String title, String mainHtml) {
        return "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " - Advocacy Hub</title><style>" + STYLE + "</style></head><body>"
                + "<a class=\"skip\" href=\"#main\">Skip to main content</a>"
                + "<header>Advocacy Hub</header>"
                + "<main id=\"main\">" + mainHtml + "</main></body></html>\n";
    }
}

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

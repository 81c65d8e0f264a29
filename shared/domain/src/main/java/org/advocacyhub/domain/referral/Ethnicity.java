package org.advocacyhub.domain.referral;

/** Ethnic group, using the 2021 Census categories for England and Wales (LLR 26.17, LEW 17.5). */
public enum Ethnicity implements Choice {
    WHITE_BRITISH("White: English, Welsh, Scottish, Northern Irish or British"),
    WHITE_IRISH("White: Irish"),
    WHITE_GYPSY_OR_IRISH_TRAVELLER("White: Gypsy or Irish Traveller"),
    WHITE_ROMA("White: Roma"),
    WHITE_OTHER("White: any other White background"),
    MIXED_WHITE_BLACK_CARIBBEAN("Mixed: White and Black Caribbean"),
    MIXED_WHITE_BLACK_AFRICAN("Mixed: White and Black African"),
    MIXED_WHITE_ASIAN("Mixed: White and Asian"),
    MIXED_OTHER("Mixed: any other mixed or multiple ethnic background"),
    ASIAN_INDIAN("Asian or Asian British: Indian"),
    ASIAN_PAKISTANI("Asian or Asian British: Pakistani"),
    ASIAN_BANGLADESHI("Asian or Asian British: Bangladeshi"),
    ASIAN_CHINESE("Asian or Asian British: Chinese"),
    ASIAN_OTHER("Asian or Asian British: any other Asian background"),
    BLACK_AFRICAN("Black, Black British, Caribbean or African: African"),
    BLACK_CARIBBEAN("Black, Black British, Caribbean or African: Caribbean"),
    BLACK_OTHER("Black, Black British, Caribbean or African: any other Black background"),
    ARAB("Other ethnic group: Arab"),
    OTHER("Other ethnic group: any other ethnic group"),
    NOT_KNOWN("Not known"),
    PREFER_NOT_TO_SAY("Prefers not to say");

    private final String displayName;

    Ethnicity(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}

package org.advocacyhub.domain.eligibility;

/**
 * Where else to go, as the decision letters name them (LLR 6.10, 6.17, 8.32, 9.33; LEW 7.8;
 * DERBY 3.3.1). Kinds of service rather than phone numbers, which change: staff add local
 * contact details to the letter template.
 */
public final class Signposts {

    public static final Signpost PALS = new Signpost("Patient Advice and Liaison Service (PALS)",
            "Every NHS trust has a PALS team that can often sort out a problem with care quickly, without a formal complaint.");
    public static final Signpost PROFESSIONAL_REGULATORS = new Signpost(
            "General Medical Council (GMC) and other professional regulators",
            "The GMC looks into concerns about whether a doctor is fit to practise; the Nursing and Midwifery Council does the same for nurses and midwives.");
    public static final Signpost MEDICO_LEGAL_ADVICE = new Signpost(
            "Medico-legal advice (a solicitor who specialises in clinical negligence, or the charity Action against Medical Accidents)",
            "They advise on compensation and legal action, which an NHS complaint cannot give and advocates cannot advise on.");
    public static final Signpost BEREAVEMENT_SUPPORT = new Signpost("Bereavement support (for example Cruse Bereavement Support)",
            "They support people who are grieving, alongside any complaint.");
    public static final Signpost MENTAL_HEALTH_SUPPORT = new Signpost("Mental health support services",
            "The person's GP can refer them for support with their mental health.");
    public static final Signpost NHS_COMPLAINTS_ADVOCACY_ELSEWHERE = new Signpost(
            "The NHS complaints advocacy service where the person lives",
            "Every council arranges free NHS complaints advocacy for its own residents; the person's council can say which service that is.");
    public static final Signpost SOCIAL_CARE_COMPLAINTS = new Signpost(
            "The care provider's or council's complaints procedure, then the Local Government and Social Care Ombudsman",
            "Complaints about social care go through these routes, not the NHS complaints procedure.");
    public static final Signpost PRIVATE_HEALTHCARE_COMPLAINTS = new Signpost(
            "The private provider's complaints procedure, then the Independent Sector Complaints Adjudication Service (ISCAS)",
            "Complaints about private healthcare that the NHS did not pay for go through these routes.");
    public static final Signpost ADVICE_SERVICES = new Signpost(
            "Advice services, such as Citizens Advice or the council's information and advice service",
            "They give free information and advice about care and support, money and rights.");
    public static final Signpost COMMUNITY_ADVOCACY = new Signpost("Community-based support and advocacy",
            "Local voluntary organisations can support people who do not have a legal right to a statutory advocate.");
    public static final Signpost IMCA_ELSEWHERE = new Signpost("The IMCA service for the area where the person is staying",
            "An independent mental capacity advocate comes from the service that covers wherever the person is when they need one.");
    public static final Signpost DOLS_IMCA_ELSEWHERE = new Signpost("The DoLS IMCA service of the supervisory body",
            "Each council arranges DoLS IMCAs for the people its DoLS team assesses.");
    public static final Signpost IMHA_ELSEWHERE = new Signpost("The IMHA service for the person's hospital or home area",
            "The hospital ward, or the council where the person lives, can say which independent mental health advocacy service covers them.");
    public static final Signpost CARE_ACT_ADVOCACY_ELSEWHERE = new Signpost(
            "The Care Act advocacy service of the council responsible for the person",
            "That is the council where the person is ordinarily resident, or where their prison is; it arranges their advocate.");
    public static final Signpost CHILDRENS_ADVOCACY = new Signpost("Children's social care or a children's advocacy service",
            "They support children and young people under 18, which adult advocacy services cannot.");
    public static final Signpost CHILDLINE = new Signpost("Childline",
            "Free, confidential support for anyone under 19, by phone or online, about anything that worries them.");
    public static final Signpost SOCIAL_WORKER_OR_CONFERENCE_CHAIR = new Signpost("The child's social worker or the conference chair",
            "They can arrange other ways for the child's wishes and feelings to be heard at the conference.");
    public static final Signpost SECURE_PROVISION_ADVOCACY = new Signpost("The advocacy service of the secure provision",
            "Secure children's homes and youth custody have their own advocacy service for the young people there.");
    public static final Signpost LEWISHAM_PARTICIPATION_MANAGER = new Signpost("Lewisham's Participation Manager",
            "They review requests for advocacy from professionals and refer young people to this service.");
    public static final Signpost DERBY_REFERRING_TEAMS = new Signpost(
            "Derby City Council's Leaving Care, Children in Care or Housing Options team",
            "They assess a young person's accommodation and support needs and refer them to providers.");
    public static final Signpost ADULT_HOUSING_OPTIONS = new Signpost("The council's Housing Options team",
            "They help adults who are homeless or at risk of homelessness.");

    private Signposts() {
    }
}

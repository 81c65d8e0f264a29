package org.advocacyhub.local.seed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Made-up people and referrers for seeded referrals, drawn from one {@link Random} so that a seed always gives the
 * same people: names from several communities, ages, genders, ethnic groups weighted by council area (roughly as the
 * areas' census profiles lean), disabilities and where people stay by service, and real postcode districts of each
 * council (LE1-LE5 Leicester, LE6-LE19, LE65 and LE67 Leicestershire, LE15 Rutland; SE districts of Lewisham; DE, NG
 * and S districts of Derby, Derbyshire, Nottingham and Nottinghamshire). Every name, number and address is invented
 * ({@code .example} email domains, Ofcom's drama numbers 07700 900xxx).
 */
final class Population {

    private static final List<String> FEMALE = List.of("Olivia", "Amelia", "Isla", "Ava", "Mia", "Grace", "Freya", "Lily",
            "Margaret", "Patricia", "Barbara", "Joan", "Doreen", "Sheila", "Maureen", "Janet", "Susan", "Karen", "Helen", "Claire",
            "Priya", "Anjali", "Meera", "Sunita", "Kiran", "Nisha", "Hema", "Asha", "Fatima", "Aisha", "Zainab", "Maryam",
            "Amina", "Hodan", "Chipo", "Ngozi", "Abena", "Shanice", "Keisha", "Marcia", "Agnieszka", "Katarzyna", "Ewa",
            "Ioana", "Elena", "Mei", "Lin", "Siobhan", "Niamh", "Bethany", "Chloe", "Jade", "Kayleigh", "Rosa", "Leah");
    private static final List<String> MALE = List.of("Oliver", "George", "Harry", "Noah", "Jack", "Leo", "Arthur", "Oscar",
            "Derek", "Kenneth", "Raymond", "Brian", "Colin", "Trevor", "Graham", "Keith", "Paul", "Mark", "Gary", "Darren",
            "Rajesh", "Sanjay", "Vikram", "Arjun", "Harjit", "Gurpreet", "Imran", "Tariq", "Bilal", "Yusuf", "Omar", "Hassan",
            "Abdi", "Kwame", "Tunde", "Chidi", "Delroy", "Winston", "Marlon", "Tomasz", "Piotr", "Marek", "Andrei", "Wei",
            "Jun", "Ciaran", "Sean", "Liam", "Kyle", "Connor", "Reece", "Jamal", "Mateo", "Luca");
    private static final List<String> NEUTRAL = List.of("Alex", "Sam", "Charlie", "Jordan", "Robin", "Riley", "Jamie", "Kai",
            "Morgan", "Sky", "Ash", "Rowan");
    private static final List<String> SURNAMES = List.of("Smith", "Jones", "Taylor", "Brown", "Wilson", "Walker", "Wright",
            "Thompson", "Hughes", "Green", "Hall", "Wood", "Clarke", "Jackson", "Hill", "Moore", "Harris", "Ward", "Turner",
            "Cooper", "Mistry", "Patel", "Parmar", "Chauhan", "Solanki", "Lad", "Kaur", "Singh", "Sandhu", "Gill", "Khan",
            "Hussain", "Ahmed", "Begum", "Rahman", "Iqbal", "Mohamed", "Ali", "Osman", "Warsame", "Okafor", "Mensah",
            "Adeyemi", "Boateng", "Campbell", "Francis", "Grant", "Thomas", "Nowak", "Kowalski", "Wisniewska", "Popescu",
            "Ionescu", "Chen", "Wong", "Li", "Murphy", "O'Brien", "Kelly", "Byrne", "Doherty", "Lee", "Marsh", "Kemp",
            "Bates", "Pickering", "Fletcher", "Burton", "Dunmore", "Hartley", "Ashby", "Coleman", "Silva", "Santos");
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    private final Random random;

    Population(Random random) {
        this.random = random;
    }

    Random random() {
        return random;
    }

    // ------------------------------------------------------------------ drawing

    int between(int lowest, int highest) {
        return lowest + random.nextInt(highest - lowest + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One of {@code values} by weight: pairs of (value, weight). */
    @SuppressWarnings("unchecked")
    <T> T weighted(Object... pairs) {
        double total = 0;
        for (int i = 1; i < pairs.length; i += 2) {
            total += ((Number) pairs[i]).doubleValue();
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < pairs.length; i += 2) {
            r -= ((Number) pairs[i + 1]).doubleValue();
            if (r < 0) {
                return (T) pairs[i];
            }
        }
        return (T) pairs[pairs.length - 2];
    }

    // ------------------------------------------------------------------ people

    String gender() {
        return weighted("FEMALE", 50, "MALE", 46, "NON_BINARY", 1.2, "OTHER", 0.4, "NOT_KNOWN", 1.6, "PREFER_NOT_TO_SAY", 0.8);
    }

    String name(String gender) {
        String first = switch (gender) {
            case "FEMALE" -> pick(FEMALE);
            case "MALE" -> pick(MALE);
            default -> chance(0.5) ? pick(NEUTRAL) : (chance(0.5) ? pick(FEMALE) : pick(MALE));
        };
        return first + " " + pick(SURNAMES);
    }

    /** A date of birth that makes the person {@code age} on {@code day} (and for a few months after). */
    LocalDate bornAged(int age, LocalDate day) {
        return day.minusYears(age + 1L).plusDays(between(20, 340));
    }

    String ethnicity(String authority) {
        return switch (authority) {
            case "LEICESTER" -> weighted("WHITE_BRITISH", 33, "ASIAN_INDIAN", 27, "ASIAN_PAKISTANI", 3, "ASIAN_BANGLADESHI", 1.5,
                    "ASIAN_OTHER", 4, "ASIAN_CHINESE", 1, "BLACK_AFRICAN", 6, "BLACK_CARIBBEAN", 2, "MIXED_WHITE_BLACK_CARIBBEAN", 2,
                    "MIXED_WHITE_ASIAN", 1.5, "MIXED_OTHER", 1, "WHITE_OTHER", 6, "WHITE_IRISH", 1, "ARAB", 1, "OTHER", 2,
                    "NOT_KNOWN", 6, "PREFER_NOT_TO_SAY", 2);
            case "LEICESTERSHIRE", "RUTLAND" -> weighted("WHITE_BRITISH", 82, "ASIAN_INDIAN", 5, "WHITE_OTHER", 3,
                    "WHITE_IRISH", 1, "MIXED_WHITE_ASIAN", 1, "MIXED_OTHER", 1, "BLACK_AFRICAN", 1, "WHITE_GYPSY_OR_IRISH_TRAVELLER", 0.5,
                    "NOT_KNOWN", 5, "PREFER_NOT_TO_SAY", 1.5);
            case "LEWISHAM" -> weighted("WHITE_BRITISH", 33, "BLACK_AFRICAN", 14, "BLACK_CARIBBEAN", 11, "BLACK_OTHER", 3,
                    "MIXED_WHITE_BLACK_CARIBBEAN", 5, "MIXED_WHITE_BLACK_AFRICAN", 2, "MIXED_OTHER", 3, "WHITE_OTHER", 9,
                    "WHITE_ROMA", 0.5, "ASIAN_OTHER", 3, "ASIAN_CHINESE", 2, "ASIAN_INDIAN", 1.5, "ARAB", 1, "OTHER", 3,
                    "NOT_KNOWN", 7, "PREFER_NOT_TO_SAY", 2);
            default -> weighted("WHITE_BRITISH", 72, "ASIAN_PAKISTANI", 6, "ASIAN_INDIAN", 3, "WHITE_OTHER", 6,
                    "BLACK_AFRICAN", 2, "BLACK_CARIBBEAN", 1.5, "MIXED_WHITE_BLACK_CARIBBEAN", 2, "MIXED_OTHER", 1,
                    "WHITE_GYPSY_OR_IRISH_TRAVELLER", 0.5, "NOT_KNOWN", 5, "PREFER_NOT_TO_SAY", 1);
        };
    }

    List<String> disabilities(String service) {
        List<String> usual = switch (service) {
            case "IMCA" -> List.of("DEMENTIA", "DEMENTIA", "LEARNING_DISABILITY", "ACQUIRED_BRAIN_INJURY", "PHYSICAL", "SENSORY",
                    "LONG_TERM_CONDITION", "MENTAL_HEALTH");
            case "DOLS_IMCA" -> List.of("DEMENTIA", "DEMENTIA", "DEMENTIA", "LEARNING_DISABILITY", "AUTISM", "ACQUIRED_BRAIN_INJURY",
                    "SENSORY");
            case "IMHA" -> List.of("MENTAL_HEALTH", "MENTAL_HEALTH", "MENTAL_HEALTH", "MENTAL_HEALTH", "AUTISM", "LEARNING_DISABILITY",
                    "LONG_TERM_CONDITION");
            case "CARE_ACT" -> List.of("LEARNING_DISABILITY", "PHYSICAL", "MENTAL_HEALTH", "AUTISM", "SENSORY", "LONG_TERM_CONDITION",
                    "DEMENTIA", "ACQUIRED_BRAIN_INJURY");
            case "ICAS" -> List.of("NONE", "NONE", "LONG_TERM_CONDITION", "PHYSICAL", "MENTAL_HEALTH", "NOT_KNOWN", "SENSORY");
            default -> List.of("NONE", "NONE", "NONE", "AUTISM", "LEARNING_DISABILITY", "MENTAL_HEALTH", "NOT_KNOWN", "OTHER");
        };
        String first = pick(usual);
        if (first.equals("NONE") || first.equals("NOT_KNOWN") || !chance(0.25)) {
            return List.of(first);
        }
        String second = pick(usual);
        return second.equals(first) || second.equals("NONE") || second.equals("NOT_KNOWN") ? List.of(first) : List.of(first, second);
    }

    String postcode(String contract, String authority) {
        List<String> districts = switch (authority) {
            case "LEICESTER" -> List.of("LE1", "LE2", "LE2", "LE3", "LE3", "LE4", "LE4", "LE5", "LE5");
            case "LEICESTERSHIRE" -> List.of("LE6", "LE7", "LE8", "LE9", "LE10", "LE11", "LE11", "LE12", "LE13", "LE14", "LE16",
                    "LE17", "LE18", "LE19", "LE65", "LE67");
            case "RUTLAND" -> List.of("LE15");
            case "LEWISHAM" -> List.of("SE4", "SE6", "SE8", "SE12", "SE13", "SE13", "SE14", "SE23", "SE26");
            case "DERBY" -> List.of("DE1", "DE3", "DE21", "DE22", "DE23", "DE24");
            case "DERBYSHIRE" -> List.of("DE4", "DE5", "DE7", "DE55", "DE56", "DE65", "S40", "S41", "SK17");
            case "NOTTINGHAM" -> List.of("NG1", "NG2", "NG3", "NG5", "NG7", "NG8");
            case "NOTTINGHAMSHIRE" -> List.of("NG12", "NG14", "NG15", "NG17", "NG18", "NG22", "S80", "S81");
            default -> switch (contract) {
                case "LEW" -> List.of("SE9", "SE15", "SE18", "BR1", "CR0");
                case "DERBY" -> List.of("ST14", "B79", "SK13", "LE65");
                default -> List.of("CV11", "NN17", "PE9", "DE12", "NG10", "B90");
            };
        };
        return pick(districts) + " " + between(1, 9) + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
                + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
    }

    String language() {
        return weighted("English", 86, "Gujarati", 3, "Punjabi", 2, "Polish", 2, "Urdu", 1.5, "Somali", 1, "Arabic", 1,
                "Romanian", 1, "Bengali", 0.8, "Cantonese", 0.5, "Tigrinya", 0.4);
    }

    String phone() {
        return "07700 900" + String.format("%03d", random.nextInt(1000));
    }

    String landline(String contract) {
        return switch (contract) {
            case "LEW" -> "020 7946 0" + String.format("%03d", random.nextInt(1000));
            case "DERBY" -> "01332 496" + String.format("%03d", random.nextInt(1000));
            default -> "0116 496 0" + String.format("%03d", random.nextInt(1000));
        };
    }

    /** A person's record under {@code person}: name, date of birth, gender, ethnicity, disabilities and where they stay. */
    Map<String, Object> person(String contract, String service, String authority, int age, LocalDate day, String residence,
                               String placeName) {
        Map<String, Object> person = new LinkedHashMap<>();
        String gender = gender();
        person.put("name", name(gender));
        person.put("dateOfBirth", bornAged(age, day).toString());
        person.put("gender", gender);
        person.put("ethnicity", ethnicity(authority));
        person.put("disabilities", disabilities(service));
        person.put("residence", residence);
        person.put("authority", authority);
        if (!residence.equals("TEMPORARY_OR_NO_FIXED_ADDRESS") || chance(0.3)) {
            person.put("postcode", postcode(contract, authority));
        }
        String language = language();
        person.put("language", language);
        person.put("interpreterNeeded", !language.equals("English") && chance(0.6));
        if (placeName != null) {
            person.put("placeName", placeName);
        }
        if (chance(0.12)) {
            person.put("communicationNeeds", pick(List.of("Hard of hearing; speak clearly and face them", "Prefers easy read and short sentences",
                    "Uses a communication board", "Needs information in large print", "Finds phone calls difficult; prefers text messages",
                    "Needs time to process information; avoid busy rooms")));
        }
        return person;
    }

    /** A referrer for {@code relationship} from {@code source}, with an organisation that fits the contract. */
    Map<String, Object> referrer(String contract, String relationship, String source, Map<String, Object> person) {
        Map<String, Object> referrer = new LinkedHashMap<>();
        referrer.put("relationship", relationship);
        if (relationship.equals("SELF")) {
            referrer.put("name", person.get("name"));
            if (chance(0.6)) {
                referrer.put("email", emailOf((String) person.get("name")));
            }
            referrer.put("phone", phone());
            return referrer;
        }
        String gender = chance(0.5) ? "FEMALE" : "MALE";
        String name = name(gender);
        referrer.put("name", name);
        if (relationship.equals("FAMILY_OR_FRIEND")) {
            if (chance(0.7)) {
                referrer.put("email", emailOf(name));
            }
            referrer.put("phone", phone());
            return referrer;
        }
        String[] roleAndOrganisation = switch (source) {
            case "ADULT_SOCIAL_CARE" -> new String[]{pick(List.of("Social worker", "Senior social worker", "Care manager",
                    "Occupational therapist")), councilTeam(contract, "adult social care")};
            case "LA_CUSTOMER_SERVICE_CENTRE" -> new String[]{"Customer service adviser", councilTeam(contract, "customer service centre")};
            case "DOLS_TEAM" -> new String[]{pick(List.of("DoLS coordinator", "Best interests assessor", "DoLS administrator")),
                    councilTeam(contract, "DoLS team")};
            case "MENTAL_HEALTH_SERVICES" -> new String[]{pick(List.of("Ward manager", "Approved mental health professional",
                    "Responsible clinician", "Staff nurse", "Mental health act administrator")), "Leicestershire Partnership NHS Trust"};
            case "NHS_PROFESSIONAL" -> new String[]{pick(List.of("Consultant", "Discharge coordinator", "Ward sister", "GP",
                    "Matron")), pick(List.of("University Hospitals of Leicester NHS Trust", "Leicestershire Partnership NHS Trust",
                    "A GP practice"))};
            case "CHILDRENS_SOCIAL_CARE" -> new String[]{pick(List.of("Personal adviser", "Social worker", "Housing options officer",
                    "Youth offending worker")), councilTeam(contract, "children's services")};
            case "PARTICIPATION_MANAGER" -> new String[]{"Participation Manager", "London Borough of Lewisham"};
            case "VOLUNTARY_ORGANISATION" -> new String[]{pick(List.of("Support worker", "Caseworker", "Advice worker")),
                    pick(List.of("A local carers' centre", "A community advice service", "A homelessness charity"))};
            default -> new String[]{pick(List.of("Support worker", "Housing officer", "Key worker")), "A partner organisation"};
        };
        referrer.put("role", roleAndOrganisation[0]);
        referrer.put("organisation", roleAndOrganisation[1]);
        referrer.put("email", emailOf(name).replace("@mail.example", "@" + domain(contract, source)));
        if (chance(0.7)) {
            referrer.put("phone", landline(contract));
        }
        return referrer;
    }

    private static String councilTeam(String contract, String team) {
        return switch (contract) {
            case "LEW" -> "London Borough of Lewisham " + team;
            case "DERBY" -> "Derby City Council " + team;
            default -> "Leicestershire County Council " + team;
        };
    }

    private static String domain(String contract, String source) {
        if (source.equals("MENTAL_HEALTH_SERVICES") || source.equals("NHS_PROFESSIONAL")) {
            return "nhs.example";
        }
        return switch (contract) {
            case "LEW" -> "lewisham.example";
            case "DERBY" -> "derby.example";
            default -> "council.example";
        };
    }

    private static String emailOf(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace("'", "").replace(' ', '.') + "@mail.example";
    }

    String route(boolean professional) {
        return professional
                ? weighted("EMAIL", 42, "ONLINE_FORM", 30, "TELEPHONE", 16, "PARTNER_SYSTEM", 6, "LETTER", 4, "IN_PERSON", 2)
                : weighted("ONLINE_FORM", 38, "TELEPHONE", 40, "EMAIL", 10, "TEXT_RELAY_SMS", 3, "IN_PERSON", 5, "LETTER", 4);
    }

    /** Some words about what happened, never naming anyone. */
    String sentence(List<String> options) {
        return pick(options);
    }

    static <T> List<T> copy(List<T> list) {
        return new ArrayList<>(list);
    }
}

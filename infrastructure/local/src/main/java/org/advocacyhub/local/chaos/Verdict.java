package org.advocacyhub.local.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.DeadlineAlerts;
import org.advocacyhub.domain.casework.DecisionLetter;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.persistence.TableKeys;

/**
 * A chaos run's invariants (issue 19), checked from the data alone ({@link Census}) against what the clients were
 * answered ({@link Workload.Sent}):
 * <ul>
 *   <li>every 201 is a case, and no key has two cases (nor one case two keys' worth);</li>
 *   <li>every case was screened;</li>
 *   <li>every email the hub decided on is in the outbox, and each went exactly as the outbox says: sent once if it says
 *       sent, never if it says refused, at most once if its fate is not known (no answer came, or its sender was killed
 *       while sending: those are listed for the duty managers and counted apart); no email went that the outbox does not
 *       hold; none is still waiting;</li>
 *   <li>each acknowledgement, decision letter, allocation email and deadline alert exactly once, as above; one
 *       allocation per raced case, one contact per key;</li>
 *   <li>nothing is left in any queue, but dead letters whose work was done all the same (explained);</li>
 *   <li>every clock item is exactly what its case's clocks say, and no alert is due and unraised.</li>
 * </ul>
 * A count that breaks an invariant is a duplicate or a loss in its scenario's row; anything else wrong is a finding.
 */
final class Verdict {

    /** One row of the table. */
    record Row(String scenario, int sent, int accepted, int stored, int screened, int letters, int alerts, int duplicates, int lost,
               int notKnown) {
    }

    final List<Row> rows = new ArrayList<>();
    /** Every invariant broken, in words (references and ids only: no personal data). */
    final List<String> findings = new ArrayList<>();

    static Verdict of(List<Workload.Sent> runs, Census census, ContractCatalogue contracts) {
        Verdict verdict = new Verdict();
        Map<String, Integer> mailbox = new HashMap<>();
        for (Census.Email email : census.emails) {
            for (String to : email.to()) {
                mailbox.merge(identity(to, email.subject()), 1, Integer::sum);
            }
        }
        Map<String, List<Census.MailRow>> mailsByCase = new HashMap<>();
        Set<String> decided = new HashSet<>();
        for (Census.MailRow mail : census.mails) {
            if (mail.reference() != null) {
                mailsByCase.computeIfAbsent(mail.reference(), r -> new ArrayList<>()).add(mail);
            }
            for (String to : mail.to()) {
                decided.add(identity(to, mail.subject()));
            }
        }
        Map<String, List<ReferralCase>> casesByMarker = new HashMap<>();
        for (ReferralCase c : census.cases.values()) {
            java.util.regex.Matcher marker = MARKER.matcher(c.details().reason());
            if (marker.find()) {
                casesByMarker.computeIfAbsent(marker.group(1), m -> new ArrayList<>()).add(c);
            }
        }
        for (Workload.Sent sent : runs) {
            verdict.rows.add(verdict.row(sent, census, mailbox, mailsByCase, casesByMarker));
        }
        // Emails that went and that no outbox email accounts for: sent twice by something that bypassed it.
        Set<String> ours = new HashSet<>();
        runs.forEach(sent -> sent.accepted().forEach(ours::add));
        mailbox.forEach((identity, count) -> {
            java.util.regex.Matcher reference = REFERENCE.matcher(identity);
            if (!decided.contains(identity) && reference.find() && ours.contains(reference.group())) {
                verdict.findings.add("an email went that the outbox holds no record of (" + count + "x): " + redact(identity));
            }
        });
        verdict.queues(census);
        verdict.clocks(census, contracts);
        return verdict;
    }

    /** The marker a chaos referral's reason ends with, and a case reference in a subject. */
    private static final java.util.regex.Pattern MARKER = java.util.regex.Pattern.compile("\\((chaos [^)]+)\\)");
    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile("[A-Z]{2,10}-\\d{4}-\\d{6}");

    private Row row(Workload.Sent sent, Census census, Map<String, Integer> mailbox, Map<String, List<Census.MailRow>> mailsByCase,
                    Map<String, List<ReferralCase>> casesByMarker) {
        String label = sent.scenario.label();
        int duplicates = 0;
        int lost = 0;
        int notKnown = 0;
        int letters = 0;
        int alerts = 0;
        Set<String> accepted = sent.accepted();
        for (Map.Entry<String, Set<String>> key : sent.referencesByKey.entrySet()) {
            if (key.getValue().size() > 1) {
                duplicates += key.getValue().size() - 1;
                findings.add(label + ": the key " + key.getKey() + " was answered with " + key.getValue().size() + " references");
            }
        }
        for (String key : sent.unanswered) {
            lost++;
            findings.add(label + ": the referral sent under " + key + " was never answered");
        }
        sent.refused.forEach(refusal -> findings.add(label + ": a referral was refused: " + refusal));
        Map<String, Integer> casesPerMarker = new TreeMap<>();
        List<ReferralCase> stored = new ArrayList<>();
        for (Workload.Referral referral : sent.referrals) {
            for (ReferralCase c : casesByMarker.getOrDefault(referral.marker(), List.of())) {
                casesPerMarker.merge(referral.marker(), 1, Integer::sum);
                stored.add(c);
            }
        }
        for (Map.Entry<String, Integer> marker : casesPerMarker.entrySet()) {
            if (marker.getValue() > 1) {
                duplicates += marker.getValue() - 1;
                findings.add(label + ": " + marker.getValue() + " cases were stored for one referral (" + marker.getKey() + ")");
            }
        }
        for (String reference : accepted) {
            if (!census.cases.containsKey(reference)) {
                lost++;
                findings.add(label + ": " + reference + " was answered 201 but is not a case");
            }
        }
        int screened = 0;
        for (ReferralCase c : stored) {
            String reference = c.reference().value();
            if (c.status() == CaseStatus.RECEIVED) {
                lost++;
                findings.add(label + ": " + reference + " was never screened");
            } else {
                screened++;
            }
            List<Census.MailRow> mails = mailsByCase.getOrDefault(reference, List.of());
            boolean email = c.details().referrer().hasEmail();
            if (email && mails.stream().noneMatch(m -> "ACKNOWLEDGEMENT".equals(m.kind()))) {
                lost++;
                findings.add(label + ": " + reference + " has no acknowledgement in the outbox");
            }
            DecisionLetter letter = c.letter();
            if (letter != null && letter.status() != DecisionLetter.Status.BY_POST
                    && mails.stream().noneMatch(m -> ("DECISION_LETTER#" + letter.decidedAt()).equals(m.key()))) {
                lost++;
                findings.add(label + ": " + reference + "'s decision has no letter in the outbox");
            }
            long allocations = mails.stream().filter(m -> "ALLOCATION".equals(m.kind())).count();
            if (c.work().allocation() != null && allocations != 1) {
                if (allocations == 0) {
                    lost++;
                } else {
                    duplicates += (int) allocations - 1;
                }
                findings.add(label + ": " + reference + " has " + allocations + " allocation emails in the outbox for one allocation");
            }
            for (Census.MailRow mail : mails) {
                int went = 0;
                for (String to : mail.to()) {
                    went = Math.max(went, mailbox.getOrDefault(identity(to, mail.subject()), 0));
                }
                if ("DECISION_LETTER".equals(mail.kind())) {
                    letters += went;
                } else if ("DEADLINE_ALERT".equals(mail.kind())) {
                    alerts += went;
                }
                switch (mail.status()) {
                    case "SENT" -> {
                        if (went == 0) {
                            lost++;
                            findings.add(label + ": " + reference + "'s " + mail.key() + " is recorded sent but the mailbox lacks it");
                        } else if (went > 1) {
                            duplicates += went - 1;
                            findings.add(label + ": " + reference + "'s " + mail.key() + " went " + went + " times");
                        }
                    }
                    case "NOT_KNOWN" -> {
                        notKnown++;
                        if (went > 1) {
                            duplicates += went - 1;
                            findings.add(label + ": " + reference + "'s " + mail.key() + " (fate not known) went " + went + " times");
                        }
                    }
                    case "NOT_SENT" -> {
                        if (went > 0) {
                            duplicates += went;
                            findings.add(label + ": " + reference + "'s " + mail.key() + " is recorded refused but went " + went + " times");
                        }
                    }
                    default -> {
                        lost++;
                        findings.add(label + ": " + reference + "'s " + mail.key() + " is still " + mail.status().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        for (Map.Entry<String, Integer> race : sent.allocationWins.entrySet()) {
            if (race.getValue() > 1) {
                duplicates += race.getValue() - 1;
                findings.add(label + ": " + race.getValue() + " managers were told they allocated " + race.getKey());
            }
        }
        for (Map.Entry<String, String> contact : sent.contactKeys.entrySet()) {
            int recorded = census.activities.getOrDefault(contact.getKey(), 0);
            if (recorded != 1) {
                if (recorded == 0) {
                    lost++;
                } else {
                    duplicates += recorded - 1;
                }
                findings.add(label + ": " + contact.getKey() + " has " + recorded + " contacts for one contact posted twice under one key");
            }
        }
        return new Row(label, sent.requests.get() + sent.staffRequests.get(), accepted.size(), stored.size(), screened, letters, alerts,
                duplicates, lost, notKnown);
    }

    /** Nothing left in any queue; a dead letter only when its work was done all the same. */
    private void queues(Census census) {
        for (Census.QueueRow queue : census.queues) {
            if (queue.name().contains("DeadLetter")) {
                for (String body : queue.bodies()) {
                    if (!explained(body, census)) {
                        findings.add(queue.name() + " holds a message whose work was not done: " + redact(body));
                    }
                }
            } else if (queue.visible() + queue.inFlight() > 0) {
                findings.add(queue.name() + " still holds " + (queue.visible() + queue.inFlight()) + " message(s)");
            }
        }
    }

    /** A dead letter about a case that is screened, or an email whose fate is recorded: the sweep did its work. */
    private static boolean explained(String body, Census census) {
        for (ReferralCase c : census.cases.values()) {
            if (body.contains("\"" + c.reference().value() + "\"")) {
                if (body.contains("ReferralReceived")) {
                    return c.status() != CaseStatus.RECEIVED;
                }
                if (body.contains("MailQueued")) {
                    return census.mails.stream().filter(m -> c.reference().value().equals(m.reference()) && body.contains(m.key()))
                            .allMatch(m -> !"PENDING".equals(m.status()) && !"SENDING".equals(m.status()));
                }
                return census.alerts.keySet().stream().anyMatch(k -> k.startsWith(TableKeys.casePk(c.reference()) + "|"));
            }
        }
        return false;
    }

    /** Every clock item is exactly its case's watched clocks; and none waits for an alert that fell due and was not raised. */
    private void clocks(Census census, ContractCatalogue contracts) {
        Map<String, Map<String, Census.ClockRow>> items = new HashMap<>();
        for (Census.ClockRow clock : census.clocks) {
            if (clock.ownerPk().startsWith("CASE#")) {
                items.computeIfAbsent(clock.ownerPk().substring("CASE#".length()), r -> new HashMap<>()).put(clock.clock(), clock);
            }
            if (clock.alertAt() != null && clock.alertAt().isBefore(census.now.minus(Duration.ofMinutes(5)))) {
                findings.add(clock.ownerPk() + "'s clock " + clock.clock() + " waits for an alert due " + clock.alertAt() + " that was never raised");
            }
        }
        for (ReferralCase c : census.cases.values()) {
            Map<String, Census.ClockRow> held = items.getOrDefault(c.reference().value(), Map.of());
            Map<String, java.time.Instant> watched = new HashMap<>();
            DeadlineAlerts.watched(c, contracts.contractFor(c.details().service())).forEach(w -> watched.put(w.clock().name(), w.dueAt()));
            for (Map.Entry<String, java.time.Instant> clock : watched.entrySet()) {
                Census.ClockRow item = held.get(clock.getKey());
                if (item == null || !item.dueAt().equals(clock.getValue())) {
                    findings.add(c.reference().value() + "'s clock " + clock.getKey() + " is due " + clock.getValue() + " but its item says "
                            + (item == null ? "nothing" : item.dueAt()));
                }
            }
            for (String clock : held.keySet()) {
                if (!watched.containsKey(clock)) {
                    findings.add(c.reference().value() + " has an item for clock " + clock + ", which is not running with a due time");
                }
            }
        }
    }

    /** An email's identity: its recipient and subject (a subject names its case, its kind and, for an alert, its clock and time). */
    static String identity(String to, String subject) {
        return to.toLowerCase(Locale.ROOT).replaceAll(".*<(.*)>.*", "$1") + "|" + subject;
    }

    /** A message or identity for a finding, without an email address (the referrers' are made up, but the rule holds). */
    private static String redact(String text) {
        String shown = text.replaceAll("[^\\s\"|<>@]+@[^\\s\"|<>]+", "<address>");
        return shown.length() > 200 ? shown.substring(0, 200) + "..." : shown;
    }
}

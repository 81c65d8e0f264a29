package org.advocacyhub.domain.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.advocacyhub.domain.document.BundledDocument;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * Every contract the hub runs, loaded from the contract files bundled under {@code contracts/}
 * and validated as a whole: contract codes are unique and each service belongs to exactly one
 * contract, so that a referral's service tells which contract, calendar and clocks apply.
 *
 * <p>Immutable. {@link #bundled()} reads the files once per JVM.
 */
public final class ContractCatalogue {

    /** The bundled contract files. */
    public static final List<String> BUNDLED_FILES = List.of("contracts/llr.yaml", "contracts/lew.yaml", "contracts/derby.yaml");

    private static volatile ContractCatalogue bundled;

    private final List<Contract> contracts;
    private final Map<ServiceCode, Contract> byService;

    private ContractCatalogue(List<Contract> contracts, Map<ServiceCode, Contract> byService) {
        this.contracts = List.copyOf(contracts);
        this.byService = byService;
    }

    /**
     * The bundled contracts on the England and Wales calendar, loaded on first use.
     *
     * @throws ContractConfigurationException if a bundled file is malformed, or a service is
     *                                        missing from every contract or in two of them
     */
    public static ContractCatalogue bundled() {
        ContractCatalogue result = bundled;
        if (result == null) {
            synchronized (ContractCatalogue.class) {
                result = bundled;
                if (result == null) {
                    // Not a static holder: a malformed file must surface as ContractConfigurationException
                    // on every call, not as an ExceptionInInitializerError once and NoClassDefFoundError after.
                    result = load(BUNDLED_FILES, WorkingCalendar.englandAndWales(), true);
                    bundled = result;
                }
            }
        }
        return result;
    }

    /**
     * Loads contract files from the classpath (tests, tools). Unlike {@link #bundled()}, a service
     * may be left out of every file.
     *
     * @throws ContractConfigurationException naming the file, field and problem
     */
    public static ContractCatalogue fromResources(List<String> resources, WorkingCalendar calendar) {
        return load(resources, calendar, false);
    }

    private static ContractCatalogue load(List<String> resources, WorkingCalendar calendar, boolean everyService) {
        List<Contract> contracts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String resource : resources) {
            try {
                contracts.add(readResource(resource, calendar));
            } catch (ContractConfigurationException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ContractConfigurationException(problems);
        }
        Map<String, Contract> byCode = new HashMap<>();
        Map<ServiceCode, Contract> byService = new EnumMap<>(ServiceCode.class);
        for (Contract contract : contracts) {
            Contract sameCode = byCode.putIfAbsent(contract.code(), contract);
            if (sameCode != null) {
                problems.add(contract.source() + ": code: contract code '" + contract.code() + "' is also used by " + sameCode.source());
            }
            for (int i = 0; i < contract.services().size(); i++) {
                ServiceCode service = contract.services().get(i).code();
                Contract other = byService.putIfAbsent(service, contract);
                if (other != null) {
                    problems.add(contract.source() + ": services[" + i + "].code: " + service
                            + " already belongs to " + other.code() + " (" + other.source() + "); each service belongs to exactly one contract");
                }
            }
        }
        if (everyService) {
            for (ServiceCode service : ServiceCode.values()) {
                if (!byService.containsKey(service)) {
                    problems.add(String.join(", ", resources) + ": service " + service + " belongs to no contract; each service belongs to exactly one");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ContractConfigurationException(problems);
        }
        return new ContractCatalogue(contracts, byService);
    }

    private static Contract readResource(String resource, WorkingCalendar calendar) {
        Optional<Object> compiled = BundledDocument.compiled(resource);
        if (compiled.isPresent()) {
            return ContractReader.read(resource, compiled.get(), calendar);
        }
        try (InputStream in = ContractCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ContractConfigurationException(List.of(resource + ": no such file on the classpath"));
            }
            return ContractReader.read(resource, new InputStreamReader(in, StandardCharsets.UTF_8), calendar);
        } catch (IOException e) {
            throw new ContractConfigurationException(List.of(resource + ": cannot be read: " + e.getMessage()));
        }
    }

    /** The same contracts on another calendar (e.g. {@code WorkingCalendar.englandAndWales(extraHolidays)}). */
    public ContractCatalogue withCalendar(WorkingCalendar calendar) {
        List<Contract> moved = contracts.stream().map(contract -> contract.withCalendar(calendar)).toList();
        Map<ServiceCode, Contract> byService = new EnumMap<>(ServiceCode.class);
        for (Contract contract : moved) {
            contract.services().forEach(service -> byService.put(service.code(), contract));
        }
        return new ContractCatalogue(moved, byService);
    }

    public List<Contract> contracts() {
        return contracts;
    }

    /** The contract with {@code code}, e.g. {@code LLR}. */
    public Optional<Contract> contract(String code) {
        return contracts.stream().filter(contract -> contract.code().equals(code)).findFirst();
    }

    /** A contract's retention periods (issue 22), or the defaults for a code the catalogue does not hold. */
    public org.advocacyhub.domain.retention.RetentionPolicy retention(String code) {
        return contract(code).map(Contract::retention).orElse(org.advocacyhub.domain.retention.RetentionPolicy.DEFAULTS);
    }

    /**
     * The contract that commissions {@code service}.
     *
     * @throws IllegalArgumentException when no loaded contract does (only possible outside {@link #bundled()})
     */
    public Contract contractFor(ServiceCode service) {
        Contract contract = byService.get(service);
        if (contract == null) {
            throw new IllegalArgumentException("no contract commissions " + service + "; loaded: "
                    + contracts.stream().map(Contract::code).collect(Collectors.joining(", ")));
        }
        return contract;
    }
}

package io.twofakit.conformance.coverage;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;

/**
 * Which operations of a contract a run has called, and which status codes it has seen from each. Shared by
 * every scenario of a run (it is about the run, not about one scenario) and safe to use from parallel
 * scenarios.
 */
public final class ExchangeCoverage {

    private final ContractOperations contract;
    private final Map<String, Set<Integer>> seen = new ConcurrentHashMap<>();
    private final Set<String> outsideContract = new ConcurrentSkipListSet<>();

    public ExchangeCoverage(ContractOperations contract) {
        this.contract = contract;
    }

    /**
     * Notes one exchange, once its scenario has passed (at once outside a scenario: see {@link ScenarioExchanges});
     * a request the contract does not describe is kept apart.
     */
    public void record(String method, String path, int status) {
        ScenarioExchanges.record(() -> count(method, path, status));
    }

    private void count(String method, String path, int status) {
        Optional<ContractOperation> operation = contract.find(method, path);
        if (operation.isPresent()) {
            seen.computeIfAbsent(operation.get().key(), key -> new ConcurrentSkipListSet<>()).add(status);
        } else {
            outsideContract.add(method + " " + path + " -> " + status);
        }
    }

    public List<ContractOperation> operations() {
        return contract.all();
    }

    /** The status codes seen from one operation, in order. */
    public SortedSet<Integer> seenStatuses(ContractOperation operation) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(seen.getOrDefault(operation.key(), Set.of())));
    }

    public boolean exercised(ContractOperation operation) {
        return seen.containsKey(operation.key());
    }

    /** Requests that matched no operation of the contract, e.g. "GET /2fa/v4/nothing -> 404". */
    public SortedSet<String> outsideContract() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(outsideContract));
    }

    /** The figures of the run in one object. */
    public Summary summary() {
        List<ContractOperation> operations = contract.all();
        int exercised = (int) operations.stream().filter(this::exercised).count();
        int clientAndSuccessDocumented = 0;
        int clientAndSuccessSeen = 0;
        for (ContractOperation operation : operations) {
            Set<Integer> seenHere = seenStatuses(operation);
            for (int status : operation.documentedStatuses()) {
                if (status < 500) {
                    clientAndSuccessDocumented++;
                    if (seenHere.contains(status)) {
                        clientAndSuccessSeen++;
                    }
                }
            }
        }
        return new Summary(operations.size(), exercised, clientAndSuccessDocumented, clientAndSuccessSeen);
    }

    /** Coverage figures: operations exercised, and documented 2xx/4xx status codes seen. */
    public record Summary(int operations, int operationsExercised, int documentedStatuses, int documentedStatusesSeen) {
        public String oneLine() {
            return "operations " + operationsExercised + "/" + operations
                    + ", documented 2xx/4xx statuses " + documentedStatusesSeen + "/" + documentedStatuses;
        }
    }

    /** The operations whose documented 2xx/4xx statuses were not all seen, with the missing ones. */
    public Map<String, SortedSet<Integer>> gaps() {
        return contract.all().stream()
                .collect(Collectors.toMap(ContractOperation::key, operation -> {
                    SortedSet<Integer> missing = new TreeSet<>(operation.documentedStatuses());
                    missing.removeIf(status -> status >= 500);
                    missing.removeAll(seenStatuses(operation));
                    return missing;
                }, (a, b) -> a, java.util.LinkedHashMap::new))
                .entrySet().stream()
                .filter(entry -> !entry.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}

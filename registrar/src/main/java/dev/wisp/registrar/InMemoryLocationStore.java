package dev.wisp.registrar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The default location store: bindings per AOR in a concurrent map, plus an index from flow to the
 * AORs registered on it so a closing connection removes its bindings without a full scan.
 */
public final class InMemoryLocationStore implements LocationStore {

    private final ConcurrentHashMap<String, List<Binding>> bindingsByAor = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<FlowId, Set<String>> aorsByFlow = new ConcurrentHashMap<>();
    private final AtomicInteger bindingCount = new AtomicInteger();

    @Override
    public List<Binding> bindings(String aor) {
        return bindingsByAor.getOrDefault(aor, List.of());
    }

    @Override
    public List<Binding> update(String aor, UnaryOperator<List<Binding>> change) {
        List<Binding> stored = bindingsByAor.compute(aor, (key, current) -> {
            List<Binding> before = current == null ? List.of() : current;
            List<Binding> after = List.copyOf(change.apply(before));
            reindexFlows(key, before, after);
            bindingCount.addAndGet(after.size() - before.size());
            return after.isEmpty() ? null : after;
        });
        return stored == null ? List.of() : stored;
    }

    @Override
    public int removeFlow(FlowId flow) {
        Set<String> aors = aorsByFlow.remove(flow);
        if (aors == null) {
            return 0;
        }
        int removed = 0;
        for (String aor : aors) {
            removed += removeWhere(aor, binding -> binding.flow().equals(flow));
        }
        return removed;
    }

    @Override
    public int removeExpired(Instant now) {
        int removed = 0;
        for (var entry : bindingsByAor.entrySet()) {
            if (entry.getValue().stream().anyMatch(binding -> binding.isExpired(now))) {
                removed += removeWhere(entry.getKey(), binding -> binding.isExpired(now));
            }
        }
        return removed;
    }

    @Override
    public int aorCount() {
        return bindingsByAor.size();
    }

    @Override
    public int bindingCount() {
        return bindingCount.get();
    }

    private int removeWhere(String aor, Predicate<Binding> doomed) {
        int[] removed = {0};
        update(aor, current -> {
            List<Binding> kept = new ArrayList<>(current.size());
            for (Binding binding : current) {
                if (doomed.test(binding)) {
                    removed[0]++;
                } else {
                    kept.add(binding);
                }
            }
            return kept;
        });
        return removed[0];
    }

    /**
     * Keeps the flow index in step with one AOR's change. Only flows that gained or lost the AOR
     * are touched: a refresh on the same connection, the usual REGISTER, changes nothing here.
     */
    private void reindexFlows(String aor, List<Binding> before, List<Binding> after) {
        Set<FlowId> flowsBefore = flows(before);
        Set<FlowId> flowsAfter = flows(after);
        for (FlowId flow : flowsBefore) {
            if (!flowsAfter.contains(flow)) {
                aorsByFlow.computeIfPresent(flow, (key, aors) -> {
                    aors.remove(aor);
                    return aors.isEmpty() ? null : aors;
                });
            }
        }
        for (FlowId flow : flowsAfter) {
            if (!flowsBefore.contains(flow)) {
                // compute, not computeIfAbsent().add(): the add must not race a removal of the set.
                aorsByFlow.compute(flow, (key, aors) -> {
                    Set<String> updated = aors == null ? ConcurrentHashMap.newKeySet() : aors;
                    updated.add(aor);
                    return updated;
                });
            }
        }
    }

    private static Set<FlowId> flows(List<Binding> bindings) {
        Set<FlowId> flows = new HashSet<>();
        for (Binding binding : bindings) {
            flows.add(binding.flow());
        }
        return flows;
    }
}

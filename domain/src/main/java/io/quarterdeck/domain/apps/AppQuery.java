package io.quarterdeck.domain.apps;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.Locale;

/**
 * A page of apps: filters (null = any), {@code search} a case-insensitive substring of the name, group or parent,
 * {@code appGlob} a glob on the name; sorted by {@code sort} ({@code app}, {@code group}, {@code run_status},
 * {@code next_run}, {@code updated_at}; {@code -} in front for descending).
 */
public record AppQuery(String group, String parent, String appGlob, RunStatus runStatus, Boolean fatal,
                       Boolean disabled, String search, Sort sort, boolean descending, int page, int perPage) {
    public static final int MAX_PER_PAGE = 100;

    public enum Sort {
        APP("app"), GROUP("group"), RUN_STATUS("run_status"), NEXT_RUN("next_run"), UPDATED_AT("updated_at");

        private final String wire;

        Sort(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public AppQuery {
        if (page < 1) {
            throw new InvalidFieldException("page", "must be 1 or more");
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new InvalidFieldException("per_page", "must be between 1 and " + MAX_PER_PAGE);
        }
        if (search != null && search.length() > 200) {
            throw new InvalidFieldException("search", "must be at most 200 characters");
        }
        if (appGlob != null && appGlob.length() > AppNames.MAX) {
            throw new InvalidFieldException("app", "must be at most " + AppNames.MAX + " characters");
        }
        if (sort == null) {
            sort = Sort.APP;
        }
    }

    /** {@code app}, {@code -next_run}, ... */
    public static Sort parseSort(String raw) {
        String s = raw.startsWith("-") ? raw.substring(1) : raw;
        for (Sort v : Sort.values()) {
            if (v.wire.equals(s.toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new InvalidFieldException("sort", "must be one of app, group, run_status, next_run, updated_at,"
                + " optionally with a leading '-'");
    }

    public long offset() {
        return (long) (page - 1) * perPage;
    }
}

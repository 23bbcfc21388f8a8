package io.quarterdeck.application.port.out.apps;

import java.util.List;

/** One page of a longer list: the items, how many match in all, the page (from 1) and its size. */
public record ResultPage<T>(List<T> items, long total, int page, int perPage) {
    public ResultPage {
        items = List.copyOf(items);
    }
}

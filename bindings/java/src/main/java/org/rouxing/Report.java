package org.rouxing;

import java.time.LocalDate;
import java.util.List;

/** The statistics table (柔性执法统计表). */
public final class Report {
    private Report() {}

    /**
     * Tabulates decisions over a period, both days included; decisions dated outside it are counted
     * apart.
     *
     * @param decisions the decisions
     * @param from the first day
     * @param to the last day
     * @return the table
     * @throws InputException if the period ends before it starts
     */
    public static StatisticsTable tabulate(List<Decision> decisions, LocalDate from, LocalDate to) {
        String[] ds = decisions.stream().map(Decision::json).toArray(String[]::new);
        return StatisticsTable.of(Native.tabulate(ds, from.toString(), to.toString()));
    }
}

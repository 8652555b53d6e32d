package org.rouxing;

import java.time.LocalDate;

/**
 * The limitation period (追责时效, 《中华人民共和国行政处罚法》第三十六条).
 *
 * @param years two, or five for life, health or financial safety with harm
 * @param countsFrom the day it counts from (the end of a continuing act)
 * @param discoveredOn the day of discovery
 * @param lastDay the last day on which discovery was in time
 * @param expired whether discovery came too late (no penalty is then lawful)
 * @param extended whether the five-year period applies
 * @param byOtherLaw whether another law sets the period
 */
public record Limitation(
        int years,
        LocalDate countsFrom,
        LocalDate discoveredOn,
        LocalDate lastDay,
        boolean expired,
        boolean extended,
        boolean byOtherLaw) {}

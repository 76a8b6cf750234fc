/**
 * Event correlation as plain rules over time: which problem alarm is a root cause, which are its
 * symptoms, which are explained by planned work (an approved change or a maintenance window), which
 * flap, and which return after their incident was resolved; every verdict says why.
 */
package io.beacon.correlation.domain;

/**
 * Tests that run inside the real server (Arquillian, Liberty managed): the event pipeline's
 * transactions, and a scenario driver over the real pipeline services with a controlled clock.
 */
package io.beacon.incontainer;

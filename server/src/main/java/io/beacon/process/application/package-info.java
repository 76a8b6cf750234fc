/** The ports through which users work process tasks (user tasks of the ticket and change processes). */
package io.beacon.process.application;

/** Change use cases (create, edit, decide), the ports the change process implements, and the change calendar. */
package io.beacon.change.application;

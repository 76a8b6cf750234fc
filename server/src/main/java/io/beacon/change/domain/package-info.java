/** Changes as plain rules: types, risk, status lifecycle, approvals, four eyes, conflict detection. */
package io.beacon.change.domain;

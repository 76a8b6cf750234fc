/**
 * HTTPS out of the box: the server's certificate (a self-signed one generated once into the data
 * directory, or the operator's PKCS#12 keystore) handed to Liberty, and the optional redirect of
 * plain HTTP to HTTPS.
 */
package io.beacon.platform.tls;

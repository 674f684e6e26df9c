/**
 * The benchmark's open door: the packaged service with its bearer tokens decoded but <em>not verified</em>, so that
 * {@code bench/run --compare-auth} can measure what verifying them costs. Test classes only, never in the jar: the
 * benchmark copies this package into a directory of its own, writes the auto-configuration import that names
 * {@link com.example.opendoor.OpenDoor} beside it, and starts the same jar with Spring Boot's
 * {@code PropertiesLauncher} and {@code -Dloader.path=<that directory>}. No property of the service can turn it on:
 * without these classes on its class path there is nothing to turn on. Outside {@code com.example.inventory}, and
 * without {@code @Configuration}, so no test's component scan ever picks it up.
 */
@NullMarked
package com.example.opendoor;

import org.jspecify.annotations.NullMarked;

/**
 * The local authorization server (test classpath only): tokens for the local run, the scripts and the tests that
 * start the packaged jar. Outside {@code com.example.inventory} so that the service's component scan never finds it;
 * it is added where it is wanted.
 */
@NullMarked
package com.example.localauth;

import org.jspecify.annotations.NullMarked;

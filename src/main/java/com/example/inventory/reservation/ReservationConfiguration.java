package com.example.inventory.reservation;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The sweeper's schedule, and the clock reservations expire by (tests move their own). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReservationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

package dev.replication.webapp.visit;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Visits.
 */
interface VisitRepository extends JpaRepository<Visit, Integer> {

}

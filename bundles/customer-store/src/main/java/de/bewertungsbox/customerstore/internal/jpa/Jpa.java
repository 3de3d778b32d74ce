package de.bewertungsbox.customerstore.internal.jpa;

import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.PersistenceException;

import de.bewertungsbox.api.customer.StoreUnavailableException;

/** Runs work in one resource-local transaction and maps database failures to {@link StoreUnavailableException}. */
public final class Jpa {
    private final EntityManagerFactory emf;

    /** @param emf the persistence unit */
    public Jpa(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /**
     * @param work what to do inside the transaction
     * @param <T>  result type
     * @return the work's result, after commit
     */
    public <T> T tx(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (PersistenceException e) {
            throw new StoreUnavailableException("database operation failed", e);
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }
}

package io.beacon.correlation.persistence;

import io.beacon.correlation.domain.MaintenanceWindow;
import io.beacon.correlation.domain.MaintenanceWindows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaMaintenanceWindows implements MaintenanceWindows {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public MaintenanceWindow add(MaintenanceWindow window) {
        em.persist(window);
        em.flush();
        return window;
    }

    @Override
    public Optional<MaintenanceWindow> byId(long id) {
        return Optional.ofNullable(em.find(MaintenanceWindow.class, id));
    }

    @Override
    public List<MaintenanceWindow> all(Long ciId) {
        if (ciId == null) {
            return em.createQuery("select w from MaintenanceWindow w order by w.id desc", MaintenanceWindow.class)
                    .getResultList();
        }
        return em.createQuery("select w from MaintenanceWindow w where :ci member of w.ciIds order by w.id desc",
                MaintenanceWindow.class).setParameter("ci", ciId).getResultList();
    }

    @Override
    public void remove(MaintenanceWindow window) {
        em.remove(window);
    }
}

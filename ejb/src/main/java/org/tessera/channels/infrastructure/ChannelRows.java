package org.tessera.channels.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.tessera.channels.domain.Channel;
import org.tessera.channels.domain.PackageFile;

/** Channels and the rows of their files. */
@ApplicationScoped
public class ChannelRows {

  @PersistenceContext(unitName = "tessera")
  EntityManager em;

  public void add(Channel channel) {
    em.persist(channel);
    em.flush();
  }

  public Optional<Channel> byName(String name) {
    return em.createQuery("SELECT c FROM Channel c WHERE c.name = :n", Channel.class).setParameter("n", name).getResultStream().findFirst();
  }

  public List<Channel> all() {
    return em.createQuery("SELECT c FROM Channel c ORDER BY c.name", Channel.class).getResultList();
  }

  public void remove(Channel channel) {
    em.createQuery("DELETE FROM PackageFile f WHERE f.channelId = :c").setParameter("c", channel.id()).executeUpdate();
    em.remove(channel);
  }

  public void addFile(PackageFile file) {
    em.persist(file);
    em.flush();
  }

  public void removeFile(PackageFile file) {
    em.remove(file);
  }

  public Optional<PackageFile> file(String channelId, String subdir, String filename) {
    return em.createQuery("SELECT f FROM PackageFile f WHERE f.channelId = :c AND f.subdir = :s AND f.filename = :f", PackageFile.class)
        .setParameter("c", channelId).setParameter("s", subdir).setParameter("f", filename).getResultStream().findFirst();
  }

  public List<PackageFile> files(String channelId) {
    return em.createQuery("SELECT f FROM PackageFile f WHERE f.channelId = :c ORDER BY f.packageName, f.uploadedAt", PackageFile.class)
        .setParameter("c", channelId).getResultList();
  }

  public List<PackageFile> filesIn(String channelId, String subdir) {
    return em.createQuery("SELECT f FROM PackageFile f WHERE f.channelId = :c AND f.subdir = :s", PackageFile.class)
        .setParameter("c", channelId).setParameter("s", subdir).getResultList();
  }

  public List<PackageFile> filesOf(String channelId, String packageName) {
    return em.createQuery("SELECT f FROM PackageFile f WHERE f.channelId = :c AND f.packageName = :p ORDER BY f.uploadedAt DESC", PackageFile.class)
        .setParameter("c", channelId).setParameter("p", packageName).getResultList();
  }

  public long fileCount(String channelId) {
    return em.createQuery("SELECT COUNT(f) FROM PackageFile f WHERE f.channelId = :c", Long.class).setParameter("c", channelId).getSingleResult();
  }

  public void addDownloads(String fileId, long count) {
    em.createQuery("UPDATE PackageFile f SET f.downloads = f.downloads + :n WHERE f.id = :id").setParameter("n", count).setParameter("id", fileId).executeUpdate();
  }
}

package org.tessera.channels.web;

import jakarta.ejb.EJB;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.tessera.channels.application.ChannelService;
import org.tessera.channels.infrastructure.ChannelFiles;

/**
 * Registers {@link PypiIndexServlet} at {@code /repository/pypi/*} with its multipart
 * configuration: parts are written to the channels' staging directory (known only at run time,
 * so not in an annotation), up to the 1 GB package limit, so a twine upload is moved into the
 * channel, not copied, and never held in memory.
 */
@WebListener
public class PypiIndexRegistration implements ServletContextListener {

  private static final long MAX_REQUEST = PackageUploads.MAX_BYTES + (64L << 20);
  private static final int IN_MEMORY = 64 * 1024;

  @EJB ChannelService channels;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    String staging;
    try {
      staging = ChannelFiles.staging().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("The channels' staging directory cannot be created", e);
    }
    ServletRegistration.Dynamic servlet = event.getServletContext().addServlet("PypiIndexServlet", new PypiIndexServlet(channels));
    servlet.addMapping(PypiIndexServlet.PATH + "*");
    servlet.setMultipartConfig(new MultipartConfigElement(staging, PackageUploads.MAX_BYTES, MAX_REQUEST, IN_MEMORY));
  }
}

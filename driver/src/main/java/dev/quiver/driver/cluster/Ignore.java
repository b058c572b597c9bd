package dev.quiver.driver.cluster;

import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The answer to a call made only for its effect (remove a job's files, cancel its tasks): logged if it fails. */
final class Ignore<T> implements StreamObserver<T> {
  private static final Logger LOG = LoggerFactory.getLogger(Ignore.class);
  private final String what;

  Ignore(String what) {
    this.what = what;
  }

  @Override
  public void onNext(T value) {}

  @Override
  public void onError(Throwable t) {
    LOG.debug("{} failed: {}", what, t.toString());
  }

  @Override
  public void onCompleted() {}
}

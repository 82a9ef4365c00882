package io.jdocker.image.registry;

import java.nio.ByteBuffer;
import java.net.http.HttpRequest;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;

/**
 * A request body that reports the running count of bytes handed to the connection, for push
 * progress. Each subscription (a resend after a 401) counts from zero again.
 */
final class CountingBodyPublisher implements HttpRequest.BodyPublisher {
  private final HttpRequest.BodyPublisher delegate;
  private final LongConsumer sent;

  CountingBodyPublisher(HttpRequest.BodyPublisher delegate, LongConsumer sent) {
    this.delegate = delegate;
    this.sent = sent;
  }

  @Override
  public long contentLength() {
    return delegate.contentLength();
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
    delegate.subscribe(new Flow.Subscriber<ByteBuffer>() {
      private long count;

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscriber.onSubscribe(subscription);
      }

      @Override
      public void onNext(ByteBuffer item) {
        // Counted before passing on: the subscriber drains the buffer.
        count += item.remaining();
        subscriber.onNext(item);
        sent.accept(count);
      }

      @Override
      public void onError(Throwable throwable) {
        subscriber.onError(throwable);
      }

      @Override
      public void onComplete() {
        subscriber.onComplete();
      }
    });
  }
}

package io.jdocker.daemon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.epoll.EpollIoOps;
import org.junit.jupiter.api.Test;

class EpollKeepRegisteredTest {
  @Test
  void noInterestIsSubmittedAsEdgeTriggeredNothingSoTheSocketStaysInTheEpollSet() {
    assertEquals(EpollIoOps.EPOLLET, EpollKeepRegistered.kept(EpollIoOps.NONE));
  }

  @Test
  void anyRealInterestPassesUnchanged() {
    assertEquals(EpollIoOps.EPOLLOUT, EpollKeepRegistered.kept(EpollIoOps.EPOLLOUT));
    EpollIoOps inAndRdHup = EpollIoOps.EPOLLIN.with(EpollIoOps.EPOLLRDHUP);
    assertEquals(inAndRdHup, EpollKeepRegistered.kept(inAndRdHup));
  }
}

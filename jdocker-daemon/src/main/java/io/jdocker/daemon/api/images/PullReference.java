package io.jdocker.daemon.api.images;

import io.jdocker.errdefs.ForbiddenException;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;

/**
 * The reference {@code POST /images/create?fromImage=&tag=} pulls, as dockerd's postImagesCreate
 * builds it: {@code tag} (a tag or a digest) overrides what fromImage carries; neither means
 * every tag; a trailing ':' on fromImage is dropped ("pull -a" clients send {@code busybox:}).
 */
final class PullReference {
  private PullReference() {}

  static ImageReference of(String fromImage, String tag) {
    String name = fromImage.endsWith(":") ? fromImage.substring(0, fromImage.length() - 1) : fromImage;
    ImageReference ref = ImageReference.parse(name);
    if (!tag.isEmpty()) {
      ref = Digest.isDigest(tag)
          ? ref.repository().withDigest(Digest.parse(tag))
          // moby's WithTag keeps a digest the name already had
          : new ImageReference(ref.domain(), ref.path(), ImageReference.validateTag(tag), ref.digest());
    }
    if (ref.familiarName().equals("scratch")) {
      throw new ForbiddenException("'scratch' is a reserved name");
    }
    return ref;
  }
}

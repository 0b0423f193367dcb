/**
 * Software bill of materials: {@link dev.stowage.image.sbom.SbomScanner} reads an image once and
 * catalogs the packages that its final file system holds (dpkg, apk, Python, npm, Java archives and
 * Go build information), each with its package URL and the layer that added it; {@link
 * dev.stowage.image.sbom.CycloneDx} and {@link dev.stowage.image.sbom.Spdx} write the result as
 * CycloneDX 1.6 and SPDX 2.3 JSON.
 */
@NullMarked
package dev.stowage.image.sbom;

import org.jspecify.annotations.NullMarked;

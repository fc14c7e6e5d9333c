# PhotoVeil — English (the reference language; every key here must exist in every language).

## Categories of what a photo gives away
category-location = Location
category-device = Device
category-person = Person
category-time = Time
category-hidden = Hidden content

## Severities
severity-low = low
severity-medium = medium
severity-high = high

## What each finding means, in plain words
finding-gps-position = This photo records where it was taken.
finding-gps-detail = GPS details: altitude, direction or speed where the photo was taken.
finding-gps-time = The GPS receiver's date and time when the photo was taken.
finding-place-name = A written place name: city, country or a more exact spot.
finding-device-model = The make and model of the camera or phone.
finding-serial-number = A serial number that identifies one single camera, lens or phone; it links all photos made with it.
finding-software = The program or firmware that made or edited the file.
finding-unique-id = An ID unique to this picture; it links copies and edits of it together.
finding-owner-name = The name of the owner, author or photographer.
finding-copyright = A copyright notice, often with a name.
finding-contact-details = Contact details: e-mail, phone, address or web site.
finding-caption = A caption, title or keywords someone wrote; they may name people or places.
finding-named-person-region = A face or person in the photo is marked with a name.
finding-person-region = Faces or people in the photo are marked.
finding-date-taken = When the photo was taken.
finding-date-modified = When the file was made or changed.
finding-time-zone = The time zone of the device, which hints at the country.
finding-thumbnail = A small preview picture hidden in the file; it can show the photo before it was cropped or edited.
finding-extra-images = More pictures hidden in the same file.
finding-motion-photo = A short video hidden in the photo ("motion photo"), often with sound.
finding-trailing-data = Data hidden after the end of the picture.
finding-text-chunk = Text stored inside the file.
finding-comment = A comment stored inside the file.
finding-maker-note = The maker's private data block, which often holds serial numbers.
finding-edit-history = Edit history: which programs changed the file, and when.
finding-other-metadata = Other hidden data blocks.

## Command line messages
cli-scan-faces = { $count ->
    [0] no faces
    [one] 1 face
   *[other] { $count } faces
}, { $usable ->
    [0] none clear enough for a face swap
   *[other] { $usable } clear enough for a face swap
}
cli-face-usable = clear enough for face-swap tools
cli-face-not-usable = too small or turned away to swap well
cli-face-at = face at
cli-scan-nothing-found = nothing found
cli-photo-error = { $file }: error: { $why }
cli-scan-findings = { $count ->
    [one] 1 finding
   *[other] { $count } findings
}
cli-report-written = Report saved:
cli-face-cache-not-saved = Could not remember the faces found for next time (the next scan will look for them again)
cli-report-failed = The report could not be saved:
cli-interrupted = stopped (Ctrl-C). The copies already written are complete; the photo in progress and the ones after it were not written.
cli-demo-photos = Demo photos (public-domain pictures with made-up data):

## Workshop report
report-title = What our photos give away
report-intro = PhotoVeil checked these photos on this computer. Nothing was sent anywhere.
report-photo-count = { $count ->
    [one] 1 photo
   *[other] { $count } photos
}
report-photo-heading = Photo
report-picture-hidden = Picture not shown in this report.
report-picture-unavailable = No preview for this file.
report-revealed-heading = What it gives away
report-revealed-nothing = Nothing found: no place, device or names are stored in this photo.
report-column-kind = Kind
report-column-found = What was found
report-column-risk = Risk
report-gps-heading = Where it was taken
report-gps-coordinates = GPS coordinates (latitude, longitude):
report-gps-note = Anyone with the original file can type these numbers into a map and see the place.

# The map of where a photo was taken (review's detail panel and report)
map-title = Map of where it was taken
map-place-named = Place named in the photo: { $place }
map-place-tagged = Place tagged in the export: { $place }
map-at-sea = This position is not on land on the map: it is at sea or just off the coast.
map-credit = Map: Natural Earth country outlines (public domain), drawn on this computer.
map-unavailable = The map cannot be drawn: PhotoVeil's map data is damaged. Installing PhotoVeil again fixes this.
report-map-beside-heading = Where the export says it was taken
report-faces-heading = Faces
report-faces-not-checked = Faces were not checked.
report-faces-found = { $count ->
    [0] No faces found.
    [one] 1 face found.
   *[other] { $count } faces found.
}
report-faces-usable = { $count ->
    [0] None is clear enough for a face swap.
    [one] 1 is clear enough for a face-swap tool to copy.
   *[other] { $count } are clear enough for a face-swap tool to copy.
}
report-done-heading = What PhotoVeil did
report-done-scanned = Only looked: the photo was not changed.
report-done-cleaned = Saved a clean copy without this data:
report-done-kept-orientation = Kept on purpose: which way up the photo is shown.
report-done-kept-colour = Kept on purpose: the colour profile, so colours look right.
report-done-protected = Saved a protected copy with all hidden data removed:
report-done-cloaked = { $count ->
    [one] 1 face cloaked against face recognition.
   *[other] { $count } faces cloaked against face recognition.
}
report-done-blurred = { $count ->
    [one] 1 face blurred.
   *[other] { $count } faces blurred.
}
report-done-left = { $count ->
    [one] 1 face left as it was.
   *[other] { $count } faces left as they were.
}
report-done-verified = { $count ->
    [0] After a simulated upload, an independent test network could not confirm that any cloaked face is no longer recognised.
    [one] After a simulated upload, an independent test network no longer recognised 1 cloaked face.
   *[other] After a simulated upload, an independent test network no longer recognised { $count } cloaked faces.
}
report-done-failed = This file could not be used:
report-risk-heading = Deepfakes: what everyone in class should know
report-risk-what = A deepfake is a fake photo or video made by a computer. It can put your face on someone else's body, or make you seem to say things you never said.
report-risk-how = All it needs is a few clear photos of a face, like the ones we post every day. Face-swap apps are free and take minutes.
report-risk-harm = Fakes are used to bully, to embarrass, to blackmail and to trick friends and family. Making or sharing a sexual deepfake of someone is abuse, and in many countries a crime.
report-risk-location = Hidden data makes it worse: a photo's GPS position, date and names can lead a stranger to your home or school.
report-risk-help = If it happens to you or a friend: it is not your fault. Do not reply or pay. Save the evidence, report it on the app, and tell an adult you trust.
report-footer = Made with PhotoVeil. Cleaning and protecting make misuse harder, but no tool can promise full safety: think before you post.
report-audit-position = Rank { $position }
report-audit-todo = What to do
report-audit-why = Why:

## GUI
## The desktop app. Keys start with "gui-"; { $name } placeholders are filled in by the app.
gui-app-name = PhotoVeil
gui-settings = Settings
gui-back = Back
gui-cancel = Cancel
gui-cancelling = Stopping…
gui-close = Close
gui-done = Done
gui-loading = Loading…
gui-honest = Protection makes misuse of your photos harder and costlier; it is not a guarantee. Only measured results are shown.

## GUI: steps
gui-step-choose = Choose
gui-step-review = Review
gui-step-protect = Protect
gui-step-export = Export

## GUI: start
gui-start-what = See what your photos give away — places, devices, names, hidden pictures, faces — and make safe copies to share.
gui-start-private = Everything happens on this computer. No photo, face or result ever leaves it.
gui-start-choose-photos = Choose photos
gui-start-choose-folder = Choose folder
gui-start-drop = Or drop photos or folders here
gui-start-try-samples = Try with sample photos
gui-start-samples-failed = The sample photos could not be opened: { $why }
gui-start-shortcuts = Keys: Ctrl+O photos · Ctrl+Shift+O folder · Ctrl+E export · Esc back or cancel · F11 classroom mode
gui-dialog-photos = Choose photos to check
gui-dialog-folder = Choose a folder of photos to check
gui-start-check-export = Check an account export (ZIP)…
gui-dialog-export = Choose the ZIP you downloaded from Instagram, Facebook or Google Takeout
gui-dialog-filter-export = ZIP archive
gui-start-check-export-folder = …or an unpacked export folder
gui-dialog-export-folder-audit = Choose the unpacked folder of your account export
gui-audit-title = What your account shows
gui-audit-running = Reading the export and checking every photo on this computer… This can take a few minutes.
gui-audit-back = Back
gui-audit-failed = The export could not be read: { $why }
gui-audit-replace = Save protected copies…
gui-audit-replace-dialog = Choose a folder for the protected copies
gui-audit-saving = Saving…
gui-audit-replaced = { $count ->
    [one] 1 protected copy saved in { $folder }. Post it instead of the original.
   *[other] { $count } protected copies saved in { $folder }. Post them instead of the originals.
}
gui-audit-replace-failed = { $count ->
    [one] 1 photo could not be protected.
   *[other] { $count } photos could not be protected.
}
gui-audit-more = … and { $count } more in the report.
gui-audit-names-private = Give a person a name to find them in later checks. Names stay on this computer.
gui-audit-name-placeholder = Name (e.g. me)
gui-audit-save-name = Save name
gui-audit-show-person = Show only their photos
gui-audit-show-all = Show all photos
gui-dialog-filter-photos = Photos
gui-dialog-export-folder = Choose where to save the safe copies

## GUI: scan
gui-scan-title = Checking your photos
gui-scan-listing = Looking for photos…
gui-scan-count = { $done } of { $total } photos checked
gui-scan-explain = Your photos are only read, never changed.
gui-scan-stop = Stop
gui-scan-checking = Checking…
gui-scan-found = { $risky ->
    [one] So far 1 gives something away.
   *[other] So far { $risky } give something away.
  }

## GUI: badges (a symbol is shown before each word)
gui-badge-location = Location
gui-badge-device = Device
gui-badge-person = Names
gui-badge-time = Date
gui-badge-hidden = Hidden content
gui-badge-faces = Faces
gui-badge-unreadable = Cannot read

## GUI: review
gui-review-title = What your photos give away
gui-review-summary = { $total ->
    [one] 1 photo checked
   *[other] { $total } photos checked
  }, { $risky ->
    [0] none gives anything away.
    [one] 1 gives something away.
   *[other] { $risky } give something away.
  }
gui-review-only-risky = Show only photos that give something away
gui-review-next = Make safe copies…
gui-review-start-over = Choose other photos
gui-review-empty = No photos were found there.
gui-review-no-faces = Faces could not be looked for: { $why }
gui-review-clear = Nothing found
gui-review-cannot-show = This photo cannot be shown: { $why }
gui-review-faces = { $faces ->
    [one] 1 face found
   *[other] { $faces } faces found
  }; { $usable ->
    [0] none is clear enough for a face-swap tool.
    [one] 1 is clear enough for a face-swap tool to use.
   *[other] { $usable } are clear enough for a face-swap tool to use.
  }
gui-review-no-faces-found = No faces found.
gui-review-nothing-found = Nothing hidden was found in this photo.
gui-review-value = The file says: { $value }
gui-review-box-legend = Thick orange frames: faces clear enough for face-swap tools. Thin blue frames: other faces.
gui-review-save-report = Save report…
gui-review-report-dialog = Save a workshop report
gui-review-report-filter = Web page (HTML)
gui-review-report-pictures = Include the pictures in the report
gui-review-report-saved = Report saved: { $file }
gui-review-report-failed = The report could not be saved: { $why }

## GUI: protect
gui-protect-title = Make safe copies
gui-protect-metadata = Remove hidden information (always on)
gui-protect-metadata-explain = Location, device, names, dates and hidden pictures are removed from every copy. The originals are never changed.
gui-protect-faces = Faces
gui-mode-until-verified = Protect faces: until verified (recommended)
gui-mode-until-verified-explain = Each face gets the smallest change that works: it is checked after a simulated upload and made stronger (subtle, then standard, then strong) only when needed. If even strong is not enough, you are told and can blur that face.
gui-mode-subtle = Protect faces: subtle
gui-mode-subtle-explain = The smallest change; the weakest protection.
gui-mode-standard = Protect faces: standard
gui-mode-standard-explain = More protection than subtle; up close, the shading of the face may look slightly uneven.
gui-mode-strong = Protect faces: strong
gui-mode-strong-explain = The strongest protection; the change may be visible up close, and the face's features are moved very slightly.
gui-mode-blur = Blur faces
gui-mode-blur-explain = Faces are blurred beyond recognition. The sure way, and it cannot be undone.
gui-mode-metadata-only = Leave faces as they are
gui-mode-metadata-only-explain = Only the hidden information is removed; the picture is copied exactly.
gui-protect-photos = { $total ->
    [one] 1 photo
   *[other] { $total } photos
  }, { $faces } with faces.
gui-protect-folder = Save the copies in
gui-protect-no-folder = (you will be asked)
gui-protect-choose-folder = Choose folder…
gui-protect-never-originals = Copies get new names if a file is already there; nothing is ever overwritten.
gui-protect-export = Save { $count ->
    [one] 1 safe copy
   *[other] { $count } safe copies
  }
gui-protect-no-sample = There is no photo to preview.
gui-protect-preview-of = Before and after: { $name }
gui-protect-next-sample = Another photo
gui-protect-make-preview = Show before and after
gui-protect-preview-explain = Protect this one photo now to compare it with the original and see what was measured. Nothing is saved.
gui-protect-before = Before
gui-protect-after = After
gui-protect-preview-stale = This preview was made with another choice; show it again to compare.
gui-protect-preview-working = Protecting and measuring this photo… this can take a few seconds per face, longer when a face needs a stronger level.
gui-protect-close-up = Faces up close
gui-protect-whole = Whole photo
gui-protect-face-previous = Previous face
gui-protect-face-next = Next face
gui-protect-face-of = Face { $n } of { $total }
gui-protect-original = Original
gui-protect-protected = Safe copy
gui-protect-at-100 = Actual size (100 %)
gui-protect-at-300 = Enlarged (300 %), every pixel as it is
gui-protect-no-close-up = This face cannot be shown close up.
gui-protect-no-faces = No face was found in this photo: only its hidden information is removed.
gui-protect-blur-face = Blur this face
gui-protect-unblur-face = Do not blur this face
gui-protect-check-explain = The check uses a face-recognition network that was not used to make the change, on a copy shrunk and compressed as social sites do; its line is set where other networks we tested stop recognising the face. Between a clear yes and a clear no, it says "not confirmed".

## GUI: per-face results (measured by an independent network after a simulated upload)
gui-face-passed = Face { $n }: { $level ->
    [subtle] the subtle level
    [standard] the standard level
    [strong] the strong level
   *[other] the change
  } was enough — a network that did not make the change no longer recognises it after a simulated upload.
gui-face-not-protected = Face { $n } could not be protected up to the { $ceiling ->
    [subtle] subtle
    [standard] standard
   *[strong] strong
  } level: a network still recognises it after a simulated upload.
gui-face-recognised-at = Face { $n }: at the { $level ->
    [subtle] subtle
    [standard] standard
   *[strong] strong
  } level, a network still recognises the saved copy after a simulated upload.
gui-face-similarity = Similarity after the upload: { $similarity } (protected below { $threshold }).
gui-face-not-confirmed = Face { $n }: not confirmed at the { $level ->
    [subtle] subtle
    [standard] standard
   *[strong] strong
  } level. The check could not confirm the protection; in our measurements { $odds ->
    [most] about 4 in 5 faces with a result like this at this level were
   *[few] only about 1 in 4 faces with a result like this at this level were
  } no longer recognised by the other networks we tested. Blur it if this person must not be recognised.
gui-face-look = { $seen ->
    [hard] The change is hard to see
    [close] The change is visible on a close look
   *[visible] The change is visible
  } (structure kept { $percent } %, { $colour ->
    [none] no colour change you would notice
    [slight] slight colour change up close
    [visible] colour change visible up close
   *[unknown] colour change not measured
  }).
gui-face-unmeasured = Face { $n }: changed, but the result could not be measured.
gui-face-blurred = Face { $n }: blurred.
gui-face-left = Face { $n }: left as it was.
gui-face-side-view = Face { $n } is turned to the side, so it was left as it was. The protection only works on faces seen from the front: on this one it would spoil the picture without hiding the person. Blur it if this person must not be recognised.

## GUI: export
gui-export-title = Saving safe copies
gui-export-done-title = Done
gui-export-folder = Into { $folder }
gui-export-count = { $done } of { $total } photos
gui-export-working = Working on { $name }
gui-export-explain = Faces take a few seconds each. Cancel stops without leaving half-written files.
gui-export-cleaned = { $count ->
    [one] 1 safe copy saved, without hidden information.
   *[other] { $count } safe copies saved, without hidden information.
  }
gui-export-levels = Level each protected face needed: { $subtle } subtle, { $standard } standard, { $strong } strong.
gui-export-failed = { $count ->
    [one] 1 photo failed; the reason is below.
   *[other] { $count } photos failed; the reasons are below.
  }
gui-export-skipped = { $count ->
    [one] 1 photo not done (cancelled).
   *[other] { $count } photos not done (cancelled).
  }
gui-export-photo-ok = saved
gui-export-open-folder = Open folder
gui-export-open-failed = The folder could not be opened; open it in your file manager.
gui-export-back = Back to the photos
gui-export-more = … and { $count } more in the list below.
gui-export-no-models = faces could not be protected: { $why }

## GUI: closing during an export
gui-close-title = Stop saving and close?
gui-close-body = { $done } copies are saved. The photo in progress will not be saved.
gui-close-keep = Keep saving
gui-close-stop = Stop and close

## GUI: settings
gui-settings-folder = Where to save safe copies
gui-settings-folder-ask = Ask every time
gui-settings-folder-clear = Ask every time
gui-settings-mode = What to do with faces, by default
gui-settings-quality = Quality of protected JPEG copies
gui-settings-quality-value = { $quality }
gui-settings-language = Language
gui-settings-theme = Appearance
gui-theme-system = As the system
gui-theme-light = Light
gui-theme-dark = Dark
gui-settings-large-text = Large text (for projectors)
gui-settings-stored = Settings are kept on this computer only.
gui-settings-save-failed = The settings could not be saved: { $why }

## photoveil audit (account exports)
audit-layout-instagram = Instagram export ("Download your information")
audit-layout-facebook = Facebook export ("Download your information")
audit-layout-google-takeout = Google Takeout of Google Photos
audit-layout-plain = Folder or ZIP of photos
audit-counts = { $photos ->
    [one] 1 photo
   *[other] { $photos } photos
}, { $videos ->
    [one] 1 video
   *[other] { $videos } videos
} (videos are listed, not analysed)
audit-people-heading = People (faces the recognition networks take for one person):
audit-group = Person { $id }: this face appears in { $photos ->
    [one] 1 photo
   *[other] { $photos } photos
}, { $public } of them public posts, { $swappable } clear enough for a face swap
audit-ranking-heading = Photos that most help someone find or impersonate you, worst first:
audit-skipped-heading = Entries not read:
audit-do-delete-post = Delete this post: it shows a usable face together with where to find the person.
audit-do-replace-protected = Replace it with a protected copy (photoveil protect).
audit-do-clean-metadata = Replace it with a copy without metadata, or remove the location the service keeps.
audit-do-nothing = Nothing to do.
audit-video-not-analysed = Video: listed with its post and date; its content is not analysed.
audit-group-name = Named on this computer: { $name }
audit-named = Person { $id } is now called "{ $name }" (kept on this computer only; later audits will recognise this person).
audit-no-such-person = There is no person { $id } in this export.
audit-person-not-found = No one named "{ $name }" was recognised in this export.
audit-name-empty = A name cannot be empty.
audit-name-no-face = Person { $id } has no face clear enough to be recognised again.
audit-reason-swappable-faces = { $count ->
    [one] 1 face
   *[other] { $count } faces
} clear enough for a face swap (largest { $side } px)
audit-reason-recurring-person = Person { $id } appears in { $photos } photos of this export
audit-reason-gps-in-photo = The photo records where it was taken (GPS).
audit-reason-gps-beside-photo = The export keeps where it was taken (GPS) beside the photo, even if the photo itself has none.
audit-reason-tagged-place = Tagged place: { $name }
audit-reason-school-in-caption = The caption names a school or where children are ("{ $word }").
audit-reason-place-in-caption = The caption names a place ("{ $word }").
audit-reason-named-people = { $count ->
    [one] 1 person is named beside the photo
   *[other] { $count } people are named beside the photo
}
audit-reason-revealing-metadata = { $count } more revealing metadata item(s) (serial numbers, names, hidden previews)
audit-reason-public = Others can see it on the service.

## photoveil clean (one line per photo: what was removed, kept and checked)
cli-clean-removed = { $count ->
    [one] removed 1 finding
   *[other] removed { $count } findings
}
cli-clean-kept = kept { $list }
cli-clean-kept-orientation = orientation { $value }
cli-clean-kept-icc-profile = colour profile
cli-clean-kept-colour-info = colour space
cli-clean-kept-camera-details = the camera's make and model, the lens model and the maker's notes without serial numbers or names (RAW converters need them to develop the picture)
cli-clean-lossless = picture re-written losslessly
cli-clean-verified = verified: { $check }
cli-clean-identical-data = picture data identical
cli-clean-identical-pixels = pixels identical
cli-clean-residual = could not remove { $tag } ({ $value })

## photoveil verify (measured by a network not used to make the protection)
cli-verify-summary = { $protected } against { $original }: PSNR { $psnr }, { $count ->
    [one] 1 face
   *[other] { $count } faces
}
cli-verify-face = face at { $x },{ $y }: { $network } similarity { $now } as is, { $upload } after upload (unprotected: { $before }; protected below { $threshold }): { $verdict }
cli-verify-not-recognised = not recognised
cli-verify-recognised = recognised
cli-verify-not-confirmed = not confirmed
cli-verify-not-measured = not measured

## photoveil protect (one line per photo, then one per face, measured after a simulated upload)
cli-protect-summary = metadata removed, { $count ->
    [one] 1 face
   *[other] { $count } faces
}, PSNR { $psnr }, { $seconds } s
cli-protect-face = face at { $x },{ $y } ({ $width }x{ $height } px) { $action }: { $network } similarity { $before } before, { $upload } after upload (protected below { $threshold }): { $verdict }
cli-protect-cloaked = cloaked
cli-protect-blurred = blurred
cli-protect-left = left as it was
cli-protect-side-view = left as it was: turned to the side
cli-protect-not-recognised = not recognised after upload
cli-protect-still-recognised = STILL RECOGNISED after upload
cli-protect-not-confirmed = not confirmed after upload ({ $odds ->
    [most] most faces like this were no longer recognised, but not all
   *[few] only about 1 in 4 faces like this were no longer recognised
  })
cli-protect-cloaked-at = cloaked at level { $level }
cli-level-subtle = subtle
cli-level-standard = standard
cli-level-strong = strong
cli-protect-face-change = change on the face: structure kept { $ssim } (1 = unchanged), colour difference { $mean } on average and { $p99 } in the strongest spots (CIEDE2000; about 1 is the smallest a person sees side by side)
cli-protect-try-blur = This face could not be protected up to the highest level allowed: blur it (--blur-faces), or do not post it.
cli-protect-side-view-why = The protection only works on faces seen from the front: on this one it would spoil the picture without hiding the person. Blur it (--blur-faces) if this person must not be recognised.

## The core's errors, as the app shows them (the command line keeps the core's English)
error-read = cannot read the file: { $why }
error-empty = the file is empty
error-file-too-large = the file is { $size }, more than the { $limit } PhotoVeil opens
error-not-an-image = not a photo PhotoVeil can open: it is not JPEG, PNG, WebP, TIFF, HEIF, AVIF, GIF, BMP, JPEG XL, JPEG 2000 or Photoshop (PSD) inside
error-corrupt = the { $format } file is damaged: { $detail }
error-too-many-pixels = the picture is { $width } × { $height } pixels, too large to open safely
error-decode = the picture cannot be opened: { $detail }
error-unsupported-cleaning-raw = camera RAW files other than DNG can be checked but not cleaned: the maker's own block that a RAW converter needs also holds the camera's serial number ({ $format })
error-unsupported-decoding = { $format } pictures cannot be opened here to show or protect them
error-unsupported-protecting = faces cannot be protected in { $format } files; the copy can only be cleaned
error-raw-serial-decrypts-colour = { $family } camera RAW files are not cleaned: RAW converters decrypt the colour balance with the camera's serial number and shutter count, so blanking them would spoil the picture
error-raw-serial-enciphered = { $family } camera RAW files are not cleaned: the serial number is inside enciphered blocks of the maker whose layout changes with each camera model, so it cannot be blanked safely
error-raw-maker-note-not-handled = { $family } camera RAW files are not cleaned: the maker's own block that a RAW converter needs also holds the serial number, in a layout PhotoVeil does not blank in place yet
error-raw-container-not-read = { $family } camera RAW files are recognised but not checked or cleaned: their metadata is in the maker's own container, which PhotoVeil does not read yet
error-write = cannot write { $file }: { $why }
error-verification = the copy did not pass the final check and was not kept: { $detail }
error-encode = the picture cannot be saved: { $detail }
error-model = the face models could not be used: { $detail }
error-cancelled = stopped before this photo was done
mismatch-does-not-read-back = the copy cannot be read back ({ $why })
mismatch-different-format = the copy has a different format
mismatch-lost-orientation = the copy lost the picture's orientation
mismatch-picture-data-changed = the picture data changed
mismatch-does-not-decode = the copy's picture cannot be opened ({ $why })
mismatch-pixels-differ = the pixels differ from the original
mismatch-metadata-left = the copy still carries { $items } private { $items ->
        [one] item
       *[other] items
    }
io-not-found = the file or folder is not there any more
io-permission-denied = permission denied
io-storage-full = the disk is full
io-read-only = the disk is read-only
io-already-exists = a file of that name is already there
io-cut-short = the file ends too early
io-is-a-folder = it is a folder, not a file
io-bad-name = the name is too long or has a character the system does not allow; give the file or folder a shorter name, or move it to a folder with a shorter path
io-in-use = another program is using the file; close it there and try again
io-no-drive = there is no drive with that letter
io-drive-not-ready = the drive is not ready (is the memory card or disc in?)
io-network = the network folder cannot be reached; check the connection and the folder's name

## What the photo being protected is going through (export screen)
gui-stage-reading = Opening the photo…
gui-stage-finding-faces = Looking for faces…
gui-stage-cloaking = Protecting face { $face } of { $faces }: { $percent } %
gui-stage-blurring = Blurring face { $face } of { $faces }…
gui-stage-encoding = Saving the copy…
gui-stage-verifying = Checking the copy: metadata, quality, and each face after a simulated upload…

## Paths the user gave that could not be listed (scan screen)
walk-not-a-file-or-folder = not a regular file or folder
walk-link-loop = a shortcut (symbolic link) that leads back into its own folder; skipped

## photoveil protect and the app's export: photos in which no face was changed (issue 26)
cli-protect-cleaned = no face to change: cleaned without re-encoding, the picture data is identical
cli-protect-faces-not-looked-for = faces could not be looked for (this picture cannot be decoded here): only the metadata was removed, and any face in it is left as it was
gui-export-photo-cleaned = no face to change: metadata removed, the picture itself is unchanged

## Progress and stopping of an audit (command line and app), and why an audit or its saves failed
audit-progress-reading = Reading the export's own files: { $read } of { $total }
audit-progress-analysing = { $done } of { $total } photos and videos checked
audit-progress-grouping = Grouping the faces by person…
gui-audit-stop = Stop
gui-audit-stopped = The check was stopped. Nothing of it was kept; you can start it again.
gui-audit-again = Check again
gui-audit-error-not-zip = this file is not a readable ZIP archive (damaged or incomplete download?)
gui-audit-error-too-many = it lists { $entries } entries, more than the { $limit } PhotoVeil reads
gui-audit-error-worker = the work stopped unexpectedly
gui-audit-error-no-data-folder = there is no data folder for this user to keep names in
gui-audit-error-scratch = a temporary folder ({ $folder }) could not be used: { $why }
gui-audit-error-missing = the photo is no longer in the export
gui-audit-error-entry = the photo cannot be read from the export: { $why }
gui-audit-name-failed = The name could not be kept: { $why }
gui-audit-replace-error = The protected copies could not be made: { $why }

# New formats (GIF, BMP, JPEG XL, JPEG 2000)
error-animation-too-large = the animation is too large to check safely: PhotoVeil stopped after { $frames } frames ({ $megapixels } megapixels)
cli-clean-unchanged = nothing to remove: the copy is the original, byte for byte

# What a face-swap tool takes from a photo (review)
gui-review-swap-crop = A face-swap tool cuts out this square and uses it.

# The summary after a batch of copies (clean, protect, the app's export)
cli-summary-title = Summary
cli-summary-written = { $count ->
    [one] 1 copy written to { $folder }
   *[other] { $count } copies written to { $folder }
}
cli-summary-none-written = No copy was written.
cli-summary-removed = Removed: { $list }
cli-summary-removed-kind = { $kind } ({ $count })
cli-summary-removed-nothing = Nothing had to be removed: the photos carried no hidden information.
cli-summary-faces-verified = { $count ->
    [one] 1 face protected and verified: no longer recognised after a simulated upload.
   *[other] { $count } faces protected and verified: no longer recognised after a simulated upload.
}
cli-summary-faces-blurred = { $count ->
    [one] 1 face blurred.
   *[other] { $count } faces blurred.
}
cli-summary-faces-left = { $count ->
    [one] 1 face left as it was.
   *[other] { $count } faces left as they were.
}
cli-summary-face-not-verified = { $file }, face { $face }: still recognised at { $level }. { $todo }
cli-summary-face-not-confirmed = { $file }, face { $face }: protection not confirmed at { $level } ({ $odds ->
    [most] most faces like this were no longer recognised, but not all
   *[few] only about 1 in 4 faces like this were no longer recognised
  }). { $todo }
cli-summary-face-not-measured = { $file }, face { $face }: could not be checked (too close to the edge). { $todo }
cli-summary-face-side-view = { $file }, face { $face }: turned to the side, left as it was (the protection only works on faces seen from the front). Blur it if this person must not be recognised.
cli-summary-todo-blur = Blur this face, or do not post the photo.
cli-summary-todo-stronger = Protect it again at the strongest level, or blur it.
cli-summary-residual = { $count ->
    [one] 1 item of metadata was still in the copy
   *[other] { $count } items of metadata were still in the copy
}
cli-summary-failed = Not done: { $file }: { $why }

# Classroom mode (issue 24): full screen cards for a class, then the sample photos
gui-classroom-title = Classroom mode
gui-classroom-count = Card { $n } of { $total }
gui-classroom-previous = Back
gui-classroom-next = Next
gui-classroom-leave = Leave (Esc)
gui-classroom-keys = Arrow keys or Space: move · Esc: leave
gui-presenting-leave = Leave full screen (Esc)
gui-classroom-intro-title = What can happen to photos you post?
gui-classroom-intro-body = A photo online can be saved by anyone who sees it. A few minutes about what some people do with such photos, and what PhotoVeil does about it.
gui-classroom-collect-title = They collect photos of one person
gui-classroom-collect-body = Abuse rings look for photos of young people. They save several photos of the same person, and write down the name, the school and the town that the posts, the captions and the photos themselves give away.
gui-classroom-fake-title = They make fake pictures
gui-classroom-fake-body = With face-swap and "undress" apps they put that face into fake sexual pictures, then use them to shame, threaten or blackmail. The pictures are fake; the harm is real. It is never the fault of the person in the photo. If it happens, tell an adult you trust and report it.
gui-classroom-scan-title = Scan: see what a photo gives away
gui-classroom-scan-body = PhotoVeil shows what a photo gives away: where it was taken, which phone took it, when, and which faces are clear enough for a face-swap app. Everything stays on this computer.
gui-classroom-clean-title = Clean: remove the hidden data
gui-classroom-clean-body = Photos carry hidden data, such as the GPS position of your home or school. Clean makes a copy without it. The picture stays exactly the same.
gui-classroom-protect-title = Protect: faces that machines stop recognising
gui-classroom-protect-body = Protect changes a face very slightly, so that face-recognition and face-swap programs stop recognising the person, while people still do. PhotoVeil checks every face after a pretend upload and tells you the result. It makes abuse harder and costlier; it is not a guarantee.
gui-classroom-blur-title = Blur: for a child's face
gui-classroom-blur-body = For a young child's face, or any face nobody should recognise, choose blur. A blurred face is no use to a face-swap app.
gui-classroom-audit-title = Audit: check what is already online
gui-classroom-audit-body = Instagram, Facebook and Google let you download your account. PhotoVeil reads that download on this computer, finds the posts that give away the most, and says what to do about each one.
gui-classroom-try-title = Let's try it
gui-classroom-try-body = Open a few sample photos together: public pictures with made-up hidden data, so nobody's own photos are shown.
gui-settings-classroom = Classroom
gui-settings-classroom-toggle = Classroom mode (F11)
gui-settings-classroom-explain = Full screen, large text and strong contrast: a few cards that explain to a class what happens to posted photos, then the sample photos. Arrow keys or Space move on; Esc leaves.

# After protection: what a face-swap tool takes from the safe copy after a simulated upload
gui-protect-swap-title = What a face-swap tool takes
gui-protect-swap-explain = The square a face-swap tool cuts out: from the original, and from the safe copy after a simulated upload (made smaller and compressed, as social networks do). The check is measured on that copy.
gui-protect-uploaded = Safe copy, uploaded

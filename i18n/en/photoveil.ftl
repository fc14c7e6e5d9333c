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
cli-scan-findings = { $count ->
    [one] 1 finding
   *[other] { $count } findings
}
cli-report-written = Report saved:
cli-report-failed = The report could not be saved:
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
    [0] An independent test network still recognised the cloaked faces after a simulated upload.
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

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

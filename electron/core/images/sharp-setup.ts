import sharp from 'sharp';

/**
 * We run one sharp job per core ourselves (thumbnails, exports); letting libvips
 * also spread each job over every core makes 2 cores juggle 4+ busy threads.
 */
sharp.concurrency(1);

export { sharp };
